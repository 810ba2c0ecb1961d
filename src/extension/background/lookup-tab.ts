/** The popup's main request: what does the press say about the article in this tab? */
import { ok, type ExtractedPage, type LookupTabData, type Reply } from '../messages.js';
import type { PageLookup } from './page-lookup.js';

export interface TabReader {
  readTab(tabId: number): Promise<ExtractedPage>;
  /** The tab's address as the browser reports it; undefined when it is not ours to know. */
  tabUrl(tabId: number): Promise<string | undefined>;
}

export async function lookupTab(
  tabId: number,
  reader: TabReader,
  lookUpPage: PageLookup,
): Promise<Reply<LookupTabData>> {
  const [page, url] = await Promise.all([reader.readTab(tabId), reader.tabUrl(tabId)]);
  const reply = await lookUpPage(page, url);
  return reply.ok ? ok({ page, result: reply.data }) : reply;
}
