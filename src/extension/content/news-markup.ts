/**
 * The privacy gate's question about a page on a site the outlet directory does not know: does the
 * page declare itself an article in its own markup? Unlike the extractor's article detection, which
 * weighs layout and URL shape to find the headline, this counts declarations only, so that an
 * article-looking page (a help page, a shop's guide) on an unknown site is never sent anywhere.
 */
import { readJsonLd } from './extraction/json-ld.js';
import { firstMeta, readMetaTags } from './extraction/meta-tags.js';

/** schema.org microdata of the Article family (NewsArticle, ReportageNewsArticle, …). */
const MICRODATA_ARTICLE = '[itemscope][itemtype*="schema.org/" i][itemtype$="Article" i]';

/**
 * True for JSON-LD or microdata of the schema.org Article family, or Open Graph `og:type=article`
 * with an `article:published_time`: what news publishing systems write.
 */
export function hasArticleMarkup(doc: Document): boolean {
  if (readJsonLd(doc).articles.length > 0 || doc.querySelector(MICRODATA_ARTICLE) !== null) return true;
  const meta = readMetaTags(doc);
  return (
    firstMeta(meta, 'og:type')?.toLowerCase() === 'article' &&
    firstMeta(meta, 'article:published_time') !== null
  );
}
