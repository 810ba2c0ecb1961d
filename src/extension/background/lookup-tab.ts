/** The popup's main request: what does the press say about the article in this tab? */
import { canonicalizeUrl } from '../../core/canonical-url.js';
import { LookupItem } from '../../core/contract.js';
import { fail, ok, type ExtractedPage, type LookupTabData, type Reply } from '../messages.js';
import type { LookupClient } from './lookup-client.js';

/**
 * The lookup carries the headline, the canonical URL without tracking parameters and the
 * description, nothing else. A URL the contract rejects (e.g. an IP address) is left out rather
 * than failing the lookup.
 */
export function lookupItemOf(page: ExtractedPage): LookupItem | undefined {
  const url = page.canonicalUrl ? (canonicalizeUrl(page.canonicalUrl) ?? undefined) : undefined;
  const item = LookupItem.safeParse({ title: page.title, url, description: page.description });
  if (item.success) return item.data;
  const titleOnly = LookupItem.safeParse({ title: page.title, description: page.description });
  return titleOnly.success ? titleOnly.data : undefined;
}

export async function lookupTab(
  tabId: number,
  readTab: (tabId: number) => Promise<ExtractedPage>,
  client: LookupClient,
): Promise<Reply<LookupTabData>> {
  const page = await readTab(tabId);
  const item = page.isArticle ? lookupItemOf(page) : undefined;
  // Lookups go out only for pages marked up as articles: a privacy promise, not an optimisation.
  if (item === undefined) return fail('not-article', 'this page does not look like a news article');
  const response = await client.lookup([item]);
  const result = response.results[0];
  if (result === undefined) return fail('bad-response', 'the API answered no result');
  return ok({ page, result });
}
