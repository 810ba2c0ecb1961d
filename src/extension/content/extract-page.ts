/**
 * The page facts the content script hands the background: the extractor's findings in the message
 * shape, clipped to what the lookup contract accepts. Text only, never markup.
 */
import { canonicalizeUrl } from '../../core/canonical-url.js';
import { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH } from '../../core/lookup-limits.js';
import type { ExtractedPage } from '../messages.js';
import { extractArticle } from './extraction/extract-article.js';

export function extractPage(doc: Document, url: string): ExtractedPage {
  const info = extractArticle(doc, url);
  // Without a headline there is nothing to look up, so the message says no more than that.
  if (info.title === null) return { title: '', isArticle: false };
  const page: ExtractedPage = { title: info.title.slice(0, MAX_TITLE_LENGTH), isArticle: info.isArticle };
  // The declared canonical URL, else the page's own address; either way without tracking parameters.
  const canonicalUrl = info.canonicalUrl === null ? null : canonicalizeUrl(info.canonicalUrl);
  if (canonicalUrl) page.canonicalUrl = canonicalUrl;
  if (info.description) page.description = info.description.slice(0, MAX_DESCRIPTION_LENGTH);
  if (info.publishedAt) page.publishedAt = info.publishedAt;
  if (info.siteName) page.siteName = info.siteName;
  return page;
}
