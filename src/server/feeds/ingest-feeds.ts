/**
 * One pass over the feed list: conditional GET of each feed (bounded concurrency, per-feed timeout),
 * parse, ingest its items through the corpus path, and update the feed's health record. A dead or
 * malformed feed is recorded and skipped; it never stops the run or undoes what other feeds brought.
 */
import { emptySummary, ingestLines, type IngestSummary } from '../ingest/ingest-articles.js';
import type { Store } from '../store/store.js';
import { feedArticles } from './feed-articles.js';
import { afterFailed, afterFetched, afterNotModified, emptyHealth } from './feed-health.js';
import type { FeedHealthStore } from './feed-health-store.js';
import type { FeedTarget } from './feed-list.js';
import { FEED_DEFAULTS, fetchFeed } from './fetch-feed.js';
import { mapBounded } from './map-bounded.js';

export interface FeedRunOptions {
  store: Store;
  health: FeedHealthStore;
  targets: readonly FeedTarget[];
  /** Per feed, headers and body. */
  timeoutMs?: number;
  concurrency?: number;
  maxBytes?: number;
  fetch?: typeof fetch;
  now?: () => number;
  /** Stops the run: no further feed starts, and feeds in flight end without touching their health. */
  signal?: AbortSignal;
  /** Called as each feed finishes, for progress display. */
  onFeed?: (result: FeedResult, done: number, total: number) => void;
}

export interface FeedResult {
  url: string;
  outlet: string;
  status: 'fetched' | 'not-modified' | 'failed';
  items: number;
  error?: string;
}

export interface FeedRunSummary {
  feeds: number;
  fetched: number;
  notModified: number;
  failed: number;
  failures: { url: string; error: string }[];
  /** Over all feeds' items; `elapsedMs` is the whole run's. */
  ingest: IngestSummary;
}

function addInto(total: IngestSummary, part: IngestSummary): void {
  total.read += part.read;
  total.added += part.added;
  total.duplicates += part.duplicates;
  total.storiesCreated += part.storiesCreated;
  total.storiesMerged += part.storiesMerged;
  for (const [reason, count] of Object.entries(part.rejected)) {
    total.rejected[reason] = (total.rejected[reason] ?? 0) + count;
  }
}

export async function ingestFeeds(options: FeedRunOptions): Promise<FeedRunSummary> {
  const started = performance.now();
  const now = options.now ?? Date.now;
  const fetchOptions = {
    timeoutMs: options.timeoutMs ?? FEED_DEFAULTS.timeoutMs,
    maxBytes: options.maxBytes ?? FEED_DEFAULTS.maxBytes,
    fetch: options.fetch,
    signal: options.signal,
  };
  const ingest = emptySummary();
  let done = 0;

  /** Fetches, parses and stores one feed, then records its health: the validators only once stored. */
  const fetchAndStore = async (target: FeedTarget): Promise<FeedResult> => {
    const feed = { url: target.url, outlet: target.outlet };
    const stored = await options.health.get(target.url);
    const previous = { ...(stored ?? emptyHealth(target.url, target.outlet)), outlet: target.outlet };
    const outcome = await fetchFeed(target.url, previous, fetchOptions);
    if (options.signal?.aborted === true) return { ...feed, status: 'failed', items: 0, error: 'aborted' };
    if (outcome.kind === 'failed') {
      await options.health.save(afterFailed(previous, now(), outcome.error));
      return { ...feed, status: 'failed', items: 0, error: outcome.error };
    }
    if (outcome.kind === 'not-modified') {
      await options.health.save(afterNotModified(previous, now()));
      return { ...feed, status: 'not-modified', items: 0 };
    }
    const parsed = feedArticles(outcome.body, { baseUrl: target.url, domain: target.domain });
    if (!parsed.ok) {
      await options.health.save(afterFailed(previous, now(), parsed.reason));
      return { ...feed, status: 'failed', items: 0, error: parsed.reason };
    }
    const items = parsed.records.length;
    try {
      const lines = parsed.records.map((record) => JSON.stringify(record));
      addInto(ingest, await ingestLines(options.store, lines, { now }));
    } catch (failure) {
      // The batch rolled back; the validators stay old so the next run fetches these items again.
      const error = `ingest failed: ${(failure as Error).name}`;
      await options.health.save(afterFailed(previous, now(), error));
      return { ...feed, status: 'failed', items, error };
    }
    const validators = { etag: outcome.etag, lastModified: outcome.lastModified };
    await options.health.save(afterFetched(previous, now(), items, validators));
    return { ...feed, status: 'fetched', items };
  };

  const runOne = async (target: FeedTarget): Promise<FeedResult> => {
    let result: FeedResult;
    try {
      result = await fetchAndStore(target);
    } catch (failure) {
      // The health store itself failed: this feed's record is stale, the run goes on.
      result = {
        url: target.url,
        outlet: target.outlet,
        status: 'failed',
        items: 0,
        error: `health record: ${(failure as Error).name}`,
      };
    }
    done += 1;
    options.onFeed?.(result, done, options.targets.length);
    return result;
  };

  const concurrency = options.concurrency ?? FEED_DEFAULTS.concurrency;
  const results = await mapBounded(options.targets, concurrency, runOne, options.signal);
  ingest.elapsedMs = Math.round(performance.now() - started);
  return {
    feeds: results.length,
    fetched: results.filter((r) => r.status === 'fetched').length,
    notModified: results.filter((r) => r.status === 'not-modified').length,
    failed: results.filter((r) => r.status === 'failed').length,
    failures: results.flatMap((r) => (r.error === undefined ? [] : [{ url: r.url, error: r.error }])),
    ingest,
  };
}
