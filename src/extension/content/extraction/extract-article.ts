/**
 * The headline and facts of the article a page shows, read from its DOM. Pure: no browser APIs, no
 * network, nothing written to the page, so it runs the same in the content script, tests and benches.
 */
import { normalizeHeadline } from '../../../core/headline-normalize.js';
import { adapterFor } from './adapters/registry.js';
import { collectCandidates, WEIGHTS } from './collect-candidates.js';
import { cleanTitle } from './clean-title.js';
import { decodeText } from './decode-text.js';
import { detectArticle } from './detect-article.js';
import { readJsonLd } from './json-ld.js';
import { firstMeta, readMetaTags } from './meta-tags.js';
import { canonicalUrlOf } from './page-urls.js';
import { chooseHeadline } from './score-candidates.js';
import { SiteNames } from './site-names.js';
import { slugOf } from './url-slug.js';
import { urlShape } from './url-shape.js';

export interface ArticleInfo {
  /** The headline as a reader sees it; never a site or section name, never empty. */
  title: string | null;
  canonicalUrl: string | null;
  description: string | null;
  /** ISO 8601. */
  publishedAt: string | null;
  siteName: string | null;
  isArticle: boolean;
  /** How sure we are that this is one article with this headline, 0..1. */
  confidence: number;
}

/** Where pages name their section (Open Graph, then CMS conventions), for stripping it from titles. */
const SECTION_KEYS = [
  'article:section',
  'og:section',
  'section',
  'article:subsection',
  'content_category',
  'content_subcategory',
  'category',
];

function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function plainText(value: string | null | undefined): string | null {
  if (!value) return null;
  return normalizeHeadline(decodeText(value)) || null;
}

export function extractArticle(doc: Document, url: string): ArticleInfo {
  const meta = readMetaTags(doc);
  const jsonLd = readJsonLd(doc);
  const article = jsonLd.articles[0];
  const declaredSiteName = firstMeta(meta, 'og:site_name', 'application-name', 'apple-mobile-web-app-title');
  const twitterSite = firstMeta(meta, 'twitter:site')?.replace(/^@/, '');
  const names = new SiteNames(
    [declaredSiteName, twitterSite, ...jsonLd.siteNames].filter((n): n is string => !!n),
    url,
  );
  const sections = new Set(
    SECTION_KEYS.map((key) => meta.get(key))
      .filter((s): s is string => !!s)
      .map((s) => s.trim().toLowerCase()),
  );

  const candidates = collectCandidates(doc, meta, jsonLd, names, sections);
  const adapted = adapterFor(url)?.headline(doc);
  if (adapted) {
    candidates.push({
      source: 'adapter',
      text: cleanTitle(adapted, names, sections),
      weight: WEIGHTS.adapter,
    });
  }
  // A site's front page or a search has no headline of its own: its title describes the site.
  const shape = urlShape(url);
  const slug = slugOf(url);
  const choice =
    shape === 'root' || shape === 'search'
      ? null
      : chooseHeadline(candidates, slug ? { slug, weight: WEIGHTS.urlSlug } : null);
  const evidence = detectArticle(doc, shape, meta, jsonLd, (choice?.support ?? 0) >= 0.5);
  const title = choice ? normalizeHeadline(choice.text) : null;

  return {
    title,
    canonicalUrl: canonicalUrlOf(doc, url, firstMeta(meta, 'og:url'), article?.url ?? null),
    // The article's own JSON-LD before <meta name="description">, which CMSs often fill site-wide.
    description: plainText(
      firstMeta(meta, 'og:description') ??
        article?.description ??
        firstMeta(meta, 'description', 'twitter:description'),
    ),
    publishedAt: isoDate(
      article?.datePublished ??
        firstMeta(meta, 'article:published_time', 'datepublished', 'pubdate') ??
        doc.querySelector('article time[datetime], time[itemprop="datePublished"]')?.getAttribute('datetime'),
    ),
    siteName: plainText(declaredSiteName ?? article?.publisher ?? jsonLd.siteNames[0]),
    isArticle: evidence.isArticle && title !== null,
    // The article evidence, pulled down when the sources barely agree on the headline.
    confidence: title ? evidence.confidence * (0.7 + 0.3 * (choice?.support ?? 0)) : 0,
  };
}
