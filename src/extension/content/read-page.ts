/** What a content script reports about its page: the extractor's findings and the page's own markup. */
import type { ExtractedPage } from '../messages.js';
import { extractPage } from './extract-page.js';
import { hasArticleMarkup } from './news-markup.js';

export function readPage(doc: Document, url: string): ExtractedPage {
  return { ...extractPage(doc, url), articleMarkup: hasArticleMarkup(doc) };
}
