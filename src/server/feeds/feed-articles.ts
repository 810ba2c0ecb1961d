/**
 * A feed document (RSS 0.9x/2.0, RDF, Atom, JSON Feed) as article records in the JSON Lines corpus
 * format, so feed items go through the same validation and normalisation as corpus lines. Pure.
 */
import { parseFeed } from 'feedsmith';

/** One line of a JSON Lines corpus (`../shared/eval/stories` format, without the gold `story`). */
export interface ArticleRecord {
  id: string;
  title: string;
  description?: string;
  url?: string;
  /** A host: the directory resolves it when the item's own link does not. */
  outlet?: string;
  /** ISO 8601. */
  publishedAt?: string;
}

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export type FeedArticles =
  { ok: true; format: FeedFormat; records: ArticleRecord[] } | { ok: false; reason: string };

export interface FeedContext {
  /** Where the document came from: relative item links resolve against it. */
  baseUrl?: string;
  /** The outlet's domain from the feed list, when known. */
  domain?: string;
}

/** Far more than any news feed carries; bounds the work a hostile document can ask for. */
const MAX_ITEMS = 1000;

interface RawItem {
  guid?: string;
  title?: string;
  link?: string;
  description?: string;
  date?: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

function absoluteUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

/** ISO time, or undefined when the feed's date cannot be read (the item still counts, as undated). */
function isoTime(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

function rawItems(parsed: ReturnType<typeof parseFeed>): RawItem[] {
  switch (parsed.format) {
    case 'rss':
      return (parsed.feed.items ?? []).map((item) => {
        // A guid is the link only when it says so (isPermaLink defaults to true in RSS 2.0).
        const guid = text(item.guid?.value);
        const guidLink = item.guid?.isPermaLink === false ? undefined : guid;
        return {
          guid,
          title: text(item.title),
          link: text(item.link) ?? (guidLink?.startsWith('http') ? guidLink : undefined),
          description: text(item.description),
          date: text(item.pubDate) ?? text(item.dc?.dates?.[0]) ?? text(item.atom?.published),
        };
      });
    case 'rdf':
      return (parsed.feed.items ?? []).map((item) => ({
        guid: text(item.rdf?.about),
        title: text(item.title),
        link: text(item.link),
        description: text(item.description),
        date: text(item.dc?.dates?.[0]) ?? text(item.dcterms?.modified),
      }));
    case 'atom':
      return (parsed.feed.entries ?? []).map((entry) => {
        const links = entry.links ?? [];
        const link = links.find((l) => l.rel === undefined || l.rel === 'alternate') ?? links[0];
        return {
          guid: text(entry.id),
          title: text(entry.title?.value),
          link: text(link?.href),
          description: text(entry.summary?.value),
          date: text(entry.published) ?? text(entry.updated),
        };
      });
    case 'json':
      return (parsed.feed.items ?? []).map((item) => ({
        guid: text(item.id),
        title: text(item.title),
        link: text(item.url) ?? text(item.external_url),
        description: text(item.summary) ?? text(item.content_text),
        date: text(item.date_published) ?? text(item.date_modified),
      }));
  }
}

/**
 * The items of a feed document as article records. Items without a title or without any identity
 * (no guid, no link) still come out, so that ingest counts and rejects them with a reason.
 */
export function feedArticles(document: string, context: FeedContext = {}): FeedArticles {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(document.trimStart(), { maxItems: MAX_ITEMS });
  } catch (error) {
    const name = (error as Error).name;
    return { ok: false, reason: name === 'DetectError' ? 'not-a-feed' : 'malformed-feed' };
  }
  const records = rawItems(parsed).map((item): ArticleRecord => {
    const url = absoluteUrl(item.link, context.baseUrl);
    const key = item.guid ?? url;
    // Source ids are scoped by outlet: guids such as "12345" are unique only within one publisher.
    const scope = context.domain ?? (url === undefined ? 'unknown' : new URL(url).hostname);
    const record: ArticleRecord = {
      id: key === undefined ? '' : `feed:${scope}:${key}`,
      title: item.title ?? '',
    };
    if (item.description !== undefined) record.description = item.description;
    if (url !== undefined) record.url = url;
    if (context.domain !== undefined) record.outlet = context.domain;
    const publishedAt = isoTime(item.date);
    if (publishedAt !== undefined) record.publishedAt = publishedAt;
    return record;
  });
  return { ok: true, format: parsed.format, records };
}
