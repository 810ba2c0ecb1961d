import { hostOf } from '../../core/canonical-url.js';
import { domainSuffixes } from '../../core/domain-suffixes.js';
import { clusterArticle, survivorOf } from '../matching/assign-story.js';
import { storyEngineOf } from '../stories/engine-of-store.js';
import type { StoryEngine } from '../stories/story-engine.js';
import { sourceKeyOf } from '../stories/source-key.js';
import type { NewArticle, NewStory, Store } from '../store/store.js';
import { parseArticleLine, type IncomingArticle } from './article-line.js';

export interface IngestSummary {
  read: number;
  added: number;
  duplicates: number;
  /** Rejected lines by reason; a bad line never aborts the run. */
  rejected: Record<string, number>;
  storiesCreated: number;
  /** Stored stories merged into another (their ids now resolve to it). */
  storiesMerged: number;
  elapsedMs: number;
}

export interface IngestOptions {
  /** Articles per transaction. */
  batchSize?: number;
  /** The time given to articles that come without one. */
  now?: () => number;
}

const LOOKS_LIKE_HOST = /^[a-z0-9.-]+\.[a-z]{2,}$/i;

/** Outlet ids by domain, remembered for one ingest run: a stream repeats its outlets. */
type OutletCache = Map<string, string | null>;

/** The outlet directory entry for an article: by its URL's host, else by the outlet field when that is a host. */
async function resolveOutlet(
  store: Store,
  cache: OutletCache,
  article: IncomingArticle,
  host: string | null,
): Promise<string | null> {
  const name = article.outletName;
  const domain = host ?? (name !== null && LOOKS_LIKE_HOST.test(name) ? name.toLowerCase() : null);
  if (domain === null) return null;
  let id = cache.get(domain);
  if (id === undefined) {
    id = (await store.outletByDomains(domainSuffixes(domain)))?.outlet.id ?? null;
    cache.set(domain, id);
  }
  return id;
}

async function ingestBatch(
  engine: StoryEngine,
  batch: IncomingArticle[],
  now: number,
  outlets: OutletCache,
  summary: IngestSummary,
): Promise<void> {
  const { store } = engine;
  // Clustering is online: articles join stories in publication order (undated ones last, at `now`).
  const ordered = [...batch].sort((a, b) => (a.publishedAt ?? Infinity) - (b.publishedAt ?? Infinity));
  const work = async () => {
    await engine.catchUp();
    const seen = await store.storedArticleKeys(
      ordered.map((a) => a.sourceId),
      ordered.flatMap((a) => a.canonicalUrl ?? []),
    );
    const created = new Map<string, NewStory>();
    const headlines = new Map<string, { title: string; description: string | null }>();
    // Stories merged away during the batch and the story each merged into (see clusterArticle).
    const mergedInto = new Map<string, string>();
    const rows: NewArticle[] = [];
    for (const article of ordered) {
      if (seen.has(article.sourceId) || (article.canonicalUrl !== null && seen.has(article.canonicalUrl))) {
        summary.duplicates += 1;
        continue;
      }
      seen.add(article.sourceId);
      if (article.canonicalUrl !== null) seen.add(article.canonicalUrl);
      const publishedAt = article.publishedAt ?? now;
      const assignment = clusterArticle(engine.index, engine.model, {
        key: article.canonicalUrl ?? `id:${article.sourceId}`,
        title: article.title,
        description: article.description,
        publishedAt,
        timeAssumed: article.publishedAt === null,
      });
      const { storyId, headline } = assignment;
      if (assignment.created) {
        created.set(storyId, {
          id: storyId,
          title: article.title,
          summary: article.description,
          publishedAt,
        });
      } else if (headline !== null) {
        headlines.set(storyId, headline);
      }
      for (const id of assignment.merged) {
        mergedInto.set(id, storyId);
        headlines.delete(id);
      }
      const host = article.canonicalUrl === null ? null : hostOf(article.canonicalUrl);
      const outletId = await resolveOutlet(store, outlets, article, host);
      const publisher = host ?? article.outletName;
      rows.push({
        sourceId: article.sourceId,
        canonicalUrl: article.canonicalUrl,
        title: article.title,
        description: article.description,
        publishedAt,
        outletId,
        publisher,
        sourceKey: sourceKeyOf({ outletId, publisher, sourceId: article.sourceId }),
        storyId,
      });
    }
    // A story created in this batch starts with the headline it ended the batch with.
    for (const [id, headline] of headlines) {
      const story = created.get(id);
      if (story === undefined) continue;
      created.set(id, { ...story, title: headline.title, summary: headline.description });
      headlines.delete(id);
    }
    // A story merged away is stored only when it was stored before this batch; its articles of the
    // batch go straight to the story it ended in, and earlier ones move there by the merge.
    const merges = [...mergedInto].filter(([id]) => !created.has(id));
    for (const id of mergedInto.keys()) created.delete(id);
    for (const row of rows) row.storyId = survivorOf(mergedInto, row.storyId);
    await store.createStories([...created.values()]);
    const ids = await store.addArticles(rows);
    for (const [from, into] of merges) await store.mergeStories(survivorOf(mergedInto, into), from);
    for (const [id, headline] of headlines)
      await store.setStoryHeadline(id, headline.title, headline.description);
    summary.added += rows.length;
    summary.storiesCreated += created.size;
    summary.storiesMerged += merges.length;
    const storyIds = new Set([...rows.map((row) => row.storyId), ...mergedInto.keys()]);
    return { ids, storyIds };
  };
  try {
    const { ids, storyIds } = await store.transaction(work);
    engine.stored(ids, storyIds);
  } catch (error) {
    // The index already holds the batch the store rolled back.
    await engine.rebuild();
    throw error;
  }
}

async function ingestStream(
  engine: StoryEngine,
  articles: AsyncIterable<IncomingArticle>,
  summary: IngestSummary,
  options: IngestOptions,
): Promise<IngestSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 1000;
  const now = options.now ?? Date.now;
  const outlets: OutletCache = new Map();
  let batch: IncomingArticle[] = [];
  for await (const article of articles) {
    batch.push(article);
    if (batch.length >= batchSize) {
      await ingestBatch(engine, batch, now(), outlets, summary);
      batch = [];
    }
  }
  if (batch.length > 0) await ingestBatch(engine, batch, now(), outlets, summary);
  summary.elapsedMs = Math.round(performance.now() - started);
  return summary;
}

/** A summary of nothing yet: what runs add their counts to. */
export function emptySummary(): IngestSummary {
  return {
    read: 0,
    added: 0,
    duplicates: 0,
    rejected: {},
    storiesCreated: 0,
    storiesMerged: 0,
    elapsedMs: 0,
  };
}

/**
 * Ingests JSON Lines (corpus files, and feed items as records): each line validated and normalised,
 * bad lines counted by reason; then skips articles already stored (same canonical URL or source id,
 * so a re-run adds nothing), clusters the rest into stories in publication order through the store's
 * story engine, and stores them, one transaction per batch.
 */
export async function ingestLines(
  store: Store,
  lines: AsyncIterable<string> | Iterable<string>,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const summary = emptySummary();
  async function* parsed() {
    for await (const line of lines) {
      if (line.trim() === '') continue;
      summary.read += 1;
      const result = parseArticleLine(line);
      if (result.ok) yield result.article;
      else summary.rejected[result.reason] = (summary.rejected[result.reason] ?? 0) + 1;
    }
  }
  return ingestStream(await storyEngineOf(store), parsed(), summary, options);
}
