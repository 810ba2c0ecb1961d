/**
 * Reads schema.org JSON-LD: the article node (in `@graph`, arrays or nested under `mainEntity`), the
 * page's other types, and the names the site calls itself.
 */

export interface JsonLdArticle {
  type: string;
  headline: string | null;
  name: string | null;
  description: string | null;
  datePublished: string | null;
  url: string | null;
  publisher: string | null;
}

export interface JsonLdSummary {
  /** Article-typed nodes in document order. */
  articles: JsonLdArticle[];
  /** Every `@type` seen, for telling listings (CollectionPage, ItemList…) from articles. */
  types: Set<string>;
  /** Names of the publisher and the website, which are never headlines. */
  siteNames: string[];
  /** Article nodes found inside lists, which describe other pages. */
  listedArticles: number;
}

/** schema.org's Article and its news subtypes; BlogPosting and LiveBlogPosting are articles too. */
export const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
  'SatiricalArticle',
  'LiveBlogPosting',
  'BlogPosting',
  'Report',
]);

const MAX_DEPTH = 6;

type Json = unknown;

function asText(value: Json): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return asText(value[0]);
  if (value && typeof value === 'object') return asText((value as Record<string, Json>)['name']);
  return null;
}

function typesOf(node: Record<string, Json>): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  // Some sites write full IRIs ("http://schema.org/NewsArticle").
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.slice(t.lastIndexOf('/') + 1));
}

/** Parses JSON-LD that some CMSs emit with raw line breaks inside strings. */
function parseLoose(text: string): Json {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(text.replace(/\p{Cc}+/gu, ' '));
    } catch {
      return null;
    }
  }
}

export function readJsonLd(doc: Document): JsonLdSummary {
  const summary: JsonLdSummary = { articles: [], types: new Set(), siteNames: [], listedArticles: 0 };
  const visit = (value: Json, depth: number, inList: boolean): void => {
    if (depth > MAX_DEPTH || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1, inList);
      return;
    }
    const node = value as Record<string, Json>;
    const types = typesOf(node);
    for (const t of types) summary.types.add(t);
    const isArticle = types.some((t) => ARTICLE_TYPES.has(t));
    if (isArticle && inList) summary.listedArticles += 1;
    else if (isArticle) {
      const publisher = asText(node['publisher']);
      summary.articles.push({
        type: types.find((t) => ARTICLE_TYPES.has(t)) ?? 'Article',
        headline: asText(node['headline']) ?? asText(node['alternativeHeadline']),
        name: asText(node['name']),
        description: asText(node['description']),
        datePublished: asText(node['datePublished']) ?? asText(node['dateCreated']),
        url: asText(node['url']) ?? idOf(node['mainEntityOfPage']),
        publisher,
      });
      if (publisher) summary.siteNames.push(publisher);
    }
    if (
      types.includes('WebSite') ||
      types.includes('Organization') ||
      types.includes('NewsMediaOrganization')
    ) {
      const name = asText(node['name']);
      if (name) summary.siteNames.push(name);
      const alternate = asText(node['alternateName']);
      if (alternate) summary.siteNames.push(alternate);
    }
    const listy = inList || types.includes('ItemList') || types.includes('BreadcrumbList');
    for (const key of ['@graph', 'mainEntity', 'itemListElement', 'item', 'hasPart', 'about', 'subjectOf']) {
      if (key in node) visit(node[key], depth + 1, listy || key === 'hasPart' || key === 'subjectOf');
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    visit(parseLoose(script.textContent ?? ''), 0, false);
  }
  return summary;
}

function idOf(value: Json): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const node = value as Record<string, Json>;
    return asText(node['@id']) ?? asText(node['url']);
  }
  return null;
}
