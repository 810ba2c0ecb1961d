import { domainSuffixes, hostOf } from '../../core/canonical-url.js';
import { assignStory } from '../matching/assign-story.js';
import { itemTerms } from '../matching/item-terms.js';
import { representativeIndex } from '../matching/representative-article.js';
import type { Store } from '../store/store.js';
import { parseArticleLine, type IncomingArticle } from './article-line.js';

export interface IngestSummary {
  read: number;
  added: number;
  duplicates: number;
  /** Rejected lines by reason; a bad line never aborts the run. */
  rejected: Record<string, number>;
  storiesCreated: number;
  elapsedMs: number;
}

export interface IngestOptions {
  /** Lines per transaction. */
  batchSize?: number;
  /** The time given to articles that come without one. */
  now?: () => number;
}

const LOOKS_LIKE_HOST = /^[a-z0-9.-]+\.[a-z]{2,}$/i;

/** The outlet directory entry for an article: by its URL's host, else by the outlet field when that is a host. */
async function resolveOutlet(
  store: Store,
  article: IncomingArticle,
  host: string | null,
): Promise<string | null> {
  const name = article.outletName;
  const domain = host ?? (name !== null && LOOKS_LIKE_HOST.test(name) ? name.toLowerCase() : null);
  if (domain === null) return null;
  return (await store.outletByDomains(domainSuffixes(domain)))?.outlet.id ?? null;
}

async function ingestBatch(
  store: Store,
  batch: IncomingArticle[],
  now: number,
  summary: IngestSummary,
): Promise<void> {
  // Clustering is online: articles join stories in publication order (undated ones last).
  const ordered = [...batch].sort((a, b) => (a.publishedAt ?? Infinity) - (b.publishedAt ?? Infinity));
  await store.transaction(async () => {
    const touched = new Set<string>();
    for (const article of ordered) {
      if (await store.articleExists(article.sourceId, article.canonicalUrl)) {
        summary.duplicates += 1;
        continue;
      }
      const host = article.canonicalUrl === null ? null : hostOf(article.canonicalUrl);
      const publishedAt = article.publishedAt ?? now;
      const terms = itemTerms(article.title, article.description);
      const { storyId, created } = await assignStory(store, terms, article.publishedAt !== null, {
        key: article.canonicalUrl ?? `id:${article.sourceId}`,
        title: article.title,
        description: article.description,
        publishedAt,
      });
      await store.addArticle(
        {
          sourceId: article.sourceId,
          canonicalUrl: article.canonicalUrl,
          title: article.title,
          description: article.description,
          publishedAt,
          outletId: await resolveOutlet(store, article, host),
          publisher: host ?? article.outletName,
          storyId,
        },
        [...terms],
      );
      touched.add(storyId);
      summary.added += 1;
      if (created) summary.storiesCreated += 1;
    }
    for (const storyId of touched) {
      const story = await store.story(storyId);
      if (story === null || story.articles.length < 2) continue;
      const representative = story.articles[representativeIndex(story.articles.map((a) => a.title))];
      if (representative !== undefined) {
        await store.setStoryHeadline(storyId, representative.title, representative.description);
      }
    }
  });
}

/**
 * Ingests JSON Lines: validates and normalises each line, skips articles already stored (same
 * canonical URL or source id, so a re-run adds nothing), clusters the rest into stories, one
 * transaction per batch.
 */
export async function ingestLines(
  store: Store,
  lines: AsyncIterable<string> | Iterable<string>,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 1000;
  const now = options.now ?? Date.now;
  const summary: IngestSummary = {
    read: 0,
    added: 0,
    duplicates: 0,
    rejected: {},
    storiesCreated: 0,
    elapsedMs: 0,
  };
  let batch: IncomingArticle[] = [];
  for await (const line of lines) {
    if (line.trim() === '') continue;
    summary.read += 1;
    const parsed = parseArticleLine(line);
    if (!parsed.ok) {
      summary.rejected[parsed.reason] = (summary.rejected[parsed.reason] ?? 0) + 1;
      continue;
    }
    batch.push(parsed.article);
    if (batch.length >= batchSize) {
      await ingestBatch(store, batch, now(), summary);
      batch = [];
    }
  }
  if (batch.length > 0) await ingestBatch(store, batch, now(), summary);
  summary.elapsedMs = Math.round(performance.now() - started);
  return summary;
}
