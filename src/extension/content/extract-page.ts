/**
 * Reads the headline and a few facts about the article from a page's DOM. A pure function over a
 * `Document`, so it runs the same in the content script, in happy-dom tests and in the evaluations.
 * Everything it returns is text from `textContent` or attributes: never markup.
 */
import { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH } from '../../core/contract.js';
import type { ExtractedPage } from '../messages.js';

/** schema.org types that mark a page as one article (NewsArticle and its subtypes, Article, posts). */
const ARTICLE_TYPE = /^(?:\w*NewsArticle|Article|ReportageNews|BlogPosting|LiveBlogPosting|Report)$/;
/** Separators between a headline and the site's name in `<title>` and `og:title`. */
const SUFFIX = /^(.+?)\s+[|\-–—·•:]\s+([^|\-–—·•:]+)$/;

interface LinkedDataArticle {
  headline?: string;
  description?: string;
  datePublished?: string;
  publisherName?: string;
}

export function extractPage(doc: Document, url: string): ExtractedPage {
  const article = findLinkedDataArticle(doc);
  const ogType = meta(doc, 'og:type');
  const siteName = clean(
    meta(doc, 'og:site_name') ?? article?.publisherName ?? meta(doc, 'application-name'),
  );
  const candidates = [
    article?.headline,
    meta(doc, 'og:title'),
    (doc.querySelector('article h1, main h1') ?? doc.querySelector('h1'))?.textContent,
    doc.querySelector('title')?.textContent,
  ];
  const rawTitle = candidates.map(clean).find((text) => text !== undefined) ?? '';
  const description = clean(article?.description ?? meta(doc, 'og:description') ?? meta(doc, 'description'));
  const publishedAt = isoDate(article?.datePublished ?? meta(doc, 'article:published_time'));
  const canonicalUrl =
    httpUrl(doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'), url) ??
    httpUrl(meta(doc, 'og:url'), url);

  const page: ExtractedPage = {
    title: stripSiteSuffix(rawTitle, siteName, url).slice(0, MAX_TITLE_LENGTH),
    isArticle: article !== undefined || ogType?.toLowerCase() === 'article' || publishedAt !== undefined,
  };
  if (canonicalUrl !== undefined) page.canonicalUrl = canonicalUrl;
  if (description !== undefined) page.description = description.slice(0, MAX_DESCRIPTION_LENGTH);
  if (publishedAt !== undefined) page.publishedAt = publishedAt;
  if (siteName !== undefined) page.siteName = siteName;
  return page;
}

function meta(doc: Document, key: string): string | undefined {
  for (const element of doc.querySelectorAll('meta[property], meta[name]')) {
    const name = element.getAttribute('property') ?? element.getAttribute('name');
    if (name?.toLowerCase() === key) return element.getAttribute('content') ?? undefined;
  }
  return undefined;
}

/** Collapses white space; empty text counts as missing. */
function clean(text: string | null | undefined): string | undefined {
  const collapsed = text?.replace(/\s+/g, ' ').trim();
  return collapsed ? collapsed : undefined;
}

function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** "Headline | Site" → "Headline", only when the suffix is the site's name or host. */
function stripSiteSuffix(title: string, siteName: string | undefined, url: string): string {
  const match = SUFFIX.exec(title);
  if (!match) return title;
  const [, head, tail] = match as unknown as [string, string, string];
  const suffix = normalizeName(tail);
  const names = [siteName, URL.canParse(url) ? new URL(url).hostname : undefined]
    .filter((name): name is string => name !== undefined)
    .map(normalizeName);
  // A host such as "example.com" also matches a suffix "Example".
  const matches = names.some(
    (name) => name === suffix || name.replace(/(?:com|org|net|couk)$/, '') === suffix,
  );
  return matches ? head : title;
}

/**
 * WARNING: `href` comes from the page. Only absolute http(s) URLs leave this function, without
 * fragment, so no `javascript:` or `data:` URL ever reaches the background.
 */
function httpUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href || !URL.canParse(href.trim(), base)) return undefined;
  const resolved = new URL(href.trim(), base);
  if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') return undefined;
  resolved.hash = '';
  return resolved.href;
}

function isoDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const time = Date.parse(text.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function findLinkedDataArticle(doc: Document): LinkedDataArticle | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // Broken JSON-LD is common; other blocks or meta tags may still serve.
    }
    for (const node of linkedDataNodes(data)) {
      const types = ([] as unknown[]).concat(node['@type']);
      if (!types.some((type) => typeof type === 'string' && ARTICLE_TYPE.test(type))) continue;
      const publisher = Array.isArray(node.publisher) ? node.publisher[0] : node.publisher;
      return {
        headline: stringOrUndefined(node.headline) ?? stringOrUndefined(node.name),
        description: stringOrUndefined(node.description),
        datePublished: stringOrUndefined(node.datePublished),
        publisherName: isRecord(publisher) ? stringOrUndefined(publisher.name) : undefined,
      };
    }
  }
  return undefined;
}

/** Every object in a JSON-LD value: top-level arrays and `@graph` lists are flattened. */
function* linkedDataNodes(data: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 3) return;
  if (Array.isArray(data)) {
    for (const item of data) yield* linkedDataNodes(item, depth + 1);
  } else if (isRecord(data)) {
    yield data;
    if (data['@graph'] !== undefined) yield* linkedDataNodes(data['@graph'], depth + 1);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
