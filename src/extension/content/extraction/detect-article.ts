/**
 * Decides whether a page is one news article (worth a lookup) or a front, section, tag, search or
 * profile page. Each signal adds evidence for or against; none decides alone, because sites misuse
 * every one of them (fronts marked og:type=article, articles without JSON-LD).
 */
import type { JsonLdSummary } from './json-ld.js';
import { firstMeta, type MetaTags } from './meta-tags.js';
import type { UrlShape } from './url-shape.js';

const LISTING_TYPES = ['CollectionPage', 'ItemList', 'SearchResultsPage', 'ProfilePage', 'VideoGallery'];
const SHAPE_EVIDENCE = { root: -4, search: -3, listing: -1.5, article: 1, unknown: 0 } as const;
/** Up to this many <article> elements, a page may be one article; more are teaser cards. */
const MAX_ARTICLES = 5;
/** A paragraph this long is body text rather than a teaser. */
const BODY_PARAGRAPH = 120;
const MAX_PARAGRAPHS = 150;

export interface ArticleEvidence {
  isArticle: boolean;
  /** 0..1; 0.5 is the decision boundary. */
  confidence: number;
  score: number;
}

function bodyParagraphs(doc: Document): number {
  let count = 0;
  const paragraphs = doc.getElementsByTagName('p');
  for (let i = 0; i < paragraphs.length && i < MAX_PARAGRAPHS; i += 1) {
    if ((paragraphs[i]?.textContent?.length ?? 0) >= BODY_PARAGRAPH) count += 1;
    if (count >= 3) break;
  }
  return count;
}

export function detectArticle(
  doc: Document,
  shape: UrlShape,
  meta: MetaTags,
  jsonLd: JsonLdSummary,
  headlineAgreed: boolean,
): ArticleEvidence {
  let score = -1;
  if (jsonLd.articles.length > 0) score += 3;
  const ogType = firstMeta(meta, 'og:type')?.toLowerCase() ?? '';
  if (ogType === 'article' || ogType.startsWith('article') || ogType.endsWith('article')) score += 2;
  else if (ogType === 'website' || ogType === 'profile' || ogType.startsWith('video')) score -= 0.5;
  const published = firstMeta(meta, 'article:published_time', 'datepublished', 'pubdate', 'date');
  if (published || jsonLd.articles.some((a) => a.datePublished)) score += 1.5;
  // Article markup: a headline inside an <article> (cached tag lists, no selector pass over the page).
  const articles = doc.getElementsByTagName('article');
  if (articles.length <= MAX_ARTICLES && [...articles].some((a) => a.getElementsByTagName('h1').length > 0))
    score += 1;
  if (LISTING_TYPES.some((t) => jsonLd.types.has(t)) && jsonLd.articles.length === 0) score -= 1.5;
  score += SHAPE_EVIDENCE[shape];
  if (bodyParagraphs(doc) >= 3) score += 1;
  // Many teasers (article cards, several listed articles in JSON-LD) mark a listing.
  if (articles.length > MAX_ARTICLES || jsonLd.listedArticles >= 3) score -= 1.5;
  if (headlineAgreed) score += 0.5;
  const confidence = 1 / (1 + Math.exp(-score));
  return { isArticle: score > 0, confidence, score };
}
