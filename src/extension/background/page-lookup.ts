/**
 * The one way a page's headline leaves the browser, for the popup's click and for automatic mode
 * alike: through the privacy gate, then the cache, then the API.
 */
import { canonicalizeUrl } from '../../core/canonical-url.js';
import { LookupItem, type LookupResult } from '../../core/contract.js';
import { fail, ok, type ExtractedPage, type Reply } from '../messages.js';
import type { LookupCache } from './lookup-cache.js';
import type { LookupClient } from './lookup-client.js';
import type { NewsSites } from './news-sites.js';
import type { SettingsStore } from './settings-store.js';

export interface PageLookupDeps {
  sites: NewsSites;
  cache: LookupCache;
  settings: SettingsStore;
  clientFor(apiBaseUrl: string): LookupClient;
}

/** Looks up the page shown at `pageUrl` (the tab's address as the browser reports it, if known). */
export type PageLookup = (page: ExtractedPage, pageUrl: string | undefined) => Promise<Reply<LookupResult>>;

/**
 * The privacy gate: a page that declares itself an article in its markup may be looked up on any
 * site; on a site of the outlet directory, so may a page the extractor takes for an article (many
 * outlets' markup is poor). Everything else (shops, mail, search, intranets, front pages) never
 * reaches the network.
 */
export function mayLeaveBrowser(page: ExtractedPage, pageUrl: string | undefined, sites: NewsSites): boolean {
  if (page.articleMarkup === true) return true;
  return page.isArticle && pageUrl !== undefined && sites.siteOf(pageUrl) !== null;
}

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

export function createPageLookup(deps: PageLookupDeps): PageLookup {
  return async (page, pageUrl) => {
    const item = mayLeaveBrowser(page, pageUrl, deps.sites) ? lookupItemOf(page) : undefined;
    if (item === undefined) return fail('not-article', 'this page does not look like a news article');
    const { apiBaseUrl } = await deps.settings.load();
    const cached = await deps.cache.get(apiBaseUrl, item);
    if (cached !== undefined) return ok(cached);
    const response = await deps.clientFor(apiBaseUrl).lookup([item]);
    const result = response.results[0];
    if (result === undefined) return fail('bad-response', 'the API answered no result');
    await deps.cache.set(apiBaseUrl, item, result);
    return ok(result);
  };
}
