/**
 * The process's matching state over a store: the in-memory StoryIndex of recent stories, the
 * learned model, and how the index stays in step with the store, which remains the source of truth.
 *
 * - At start the index is empty and catches up: it reads stored articles in id order (bounded by
 *   the retention window once stories age out) and adds them under the stories they were given.
 * - Ingest in this process adds articles to the index as it clusters them (see ingestArticles),
 *   then stores them; the index then skips past their ids.
 * - Several API processes on one database (PostgreSQL) each keep their own index and catch up with
 *   what the others stored: lookups read articles with ids above the last one seen at most every
 *   `refreshMs`. Only the ingesting process clusters and writes; one ingest at a time (SQLite's
 *   writer lock; PostgreSQL needs an advisory lock), so ids become visible in order.
 * - Stories whose last article is older than `retentionMs` before the newest are dropped from
 *   memory; lookups about older times build a throwaway index of that window from the store.
 * - Story summaries that lookups answer with are cached for `summaryTtlMs`: a story's cached summary
 *   is dropped as soon as this process sees an article of it (ingest or catch-up), and the TTL
 *   bounds how stale anything else (ratings imported by another process) can be.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { MatchModel } from '../matching/match-model.js';
import { articleTerms } from '../matching/article-terms.js';
import { StoryIndex } from '../matching/story-index.js';
import { TermStatistics, type BackgroundStatistics } from '../matching/term-statistics.js';
import { DAY, HOUR } from '../matching/time-window.js';
import type { StorySummary } from '../../core/contract.js';
import type { IndexableArticle, Store, TimeWindow } from '../store/store.js';
import { toStorySummary } from './story-view.js';

export interface StoryEngineOptions {
  model: MatchModel;
  background: BackgroundStatistics;
  /** How long a story stays in memory after its last article; older lookups go to the store. */
  retentionMs?: number;
  /** Lookups look for articles other processes stored at most this often. */
  refreshMs?: number;
  /** How long a cached story summary may be served. */
  summaryTtlMs?: number;
}

const DEFAULT_RETENTION_MS = 365 * DAY;
const DEFAULT_REFRESH_MS = 1000;
const CATCH_UP_PAGE = 10_000;
/** Articles added between yields to the event loop while catching up (a few milliseconds of work). */
const CATCH_UP_SLICE = 250;
const DEFAULT_SUMMARY_TTL_MS = 60_000;
/** Cached summaries kept at most; the oldest go first. */
const SUMMARY_CACHE_SIZE = 20_000;
/** Old-window indexes kept for lookups about times before the retention window. */
const OLD_WINDOW_CACHE = 4;
/** An old window holding more articles than this is matched on its first this-many. */
const OLD_WINDOW_MAX_ARTICLES = 200_000;

export class StoryEngine {
  readonly model: MatchModel;
  private readonly background: BackgroundStatistics;
  private readonly retentionMs: number;
  private readonly refreshMs: number;
  private memory: StoryIndex;
  private lastId = 0;
  private lastRefresh = -Infinity;
  private lastEviction = -Infinity;
  private readonly oldWindows = new Map<number, StoryIndex>();
  private readonly summaryTtlMs: number;
  private readonly summaryCache = new Map<string, { summary: StorySummary; at: number }>();
  /** The catch-up under way, if any. */
  private catching: Promise<void> | null = null;

  constructor(
    readonly store: Store,
    options: StoryEngineOptions,
  ) {
    this.model = options.model;
    this.background = options.background;
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
    this.refreshMs = options.refreshMs ?? DEFAULT_REFRESH_MS;
    this.summaryTtlMs = options.summaryTtlMs ?? DEFAULT_SUMMARY_TTL_MS;
    this.memory = new StoryIndex(new TermStatistics(this.background));
  }

  /** The index of recent stories; up to date after `catchUp`. */
  get index(): StoryIndex {
    return this.memory;
  }

  /**
   * Adds every stored article this index has not seen, then drops stories past retention. One at a
   * time: two reading from the same last id would each add the page they read.
   */
  async catchUp(): Promise<void> {
    while (this.catching !== null) await this.catching;
    this.catching = this.readNewArticles();
    try {
      await this.catching;
    } finally {
      this.catching = null;
    }
  }

  private async readNewArticles(): Promise<void> {
    for (;;) {
      const page = await this.store.articlesAfter(this.lastId, CATCH_UP_PAGE);
      for (const [i, article] of page.entries()) {
        this.addStored(this.memory, article);
        // A served process keeps answering while it catches up with another process's ingest.
        if (i % CATCH_UP_SLICE === CATCH_UP_SLICE - 1) await yieldToLoop();
      }
      if (page.length < CATCH_UP_PAGE) break;
      this.evict();
    }
    this.evict();
    this.lastRefresh = performance.now();
  }

  /**
   * Catches up when the last catch-up is older than `refreshMs`: lookups call this. While one is under
   * way they answer from the index as it stands rather than wait for all of it.
   */
  async refresh(): Promise<void> {
    if (this.catching === null && performance.now() - this.lastRefresh >= this.refreshMs)
      await this.catchUp();
  }

  /**
   * Ingest stored articles it had already added to the index: skip past their ids, and forget the
   * cached summaries of the stories they joined.
   */
  stored(ids: readonly number[], storyIds: Iterable<string>): void {
    for (const id of ids) this.lastId = Math.max(this.lastId, id);
    for (const storyId of storyIds) this.summaryCache.delete(storyId);
    this.evict();
  }

  /**
   * The summaries of these stories that exist, as lookups answer with them, by id: from the cache
   * while fresh (the distribution counted once, not per answer), the others from the store in one
   * round trip.
   */
  async summaries(storyIds: Iterable<string>): Promise<Map<string, StorySummary>> {
    const now = performance.now();
    const found = new Map<string, StorySummary>();
    const missing = new Set<string>();
    for (const storyId of storyIds) {
      const cached = this.summaryCache.get(storyId);
      if (cached !== undefined && now - cached.at < this.summaryTtlMs) found.set(storyId, cached.summary);
      else missing.add(storyId);
    }
    if (missing.size === 0) return found;
    const read = await this.store.storySummaries([...missing]);
    for (const storyId of missing) {
      this.summaryCache.delete(storyId);
      const stored = read.get(storyId);
      if (stored === undefined) continue;
      const summary = toStorySummary(stored);
      if (this.summaryCache.size >= SUMMARY_CACHE_SIZE)
        this.summaryCache.delete(this.summaryCache.keys().next().value ?? storyId);
      this.summaryCache.set(storyId, { summary, at: now });
      found.set(storyId, summary);
    }
    return found;
  }

  /** After a failed write the index may hold articles the store does not: start over from the store. */
  async rebuild(): Promise<void> {
    // A catch-up under way would add what it read to the new index, from the old last id.
    while (this.catching !== null) await this.catching;
    this.memory = new StoryIndex(new TermStatistics(this.background));
    this.oldWindows.clear();
    this.summaryCache.clear();
    this.lastId = 0;
    this.lastEviction = -Infinity;
    await this.catchUp();
  }

  /**
   * The index to match an item against: the in-memory one, unless the window lies before what it
   * keeps; then an index of that window built from the store (kept for the next lookups nearby).
   */
  async indexFor(window: TimeWindow | null): Promise<StoryIndex> {
    if (window === null || window.from >= this.retentionStart()) return this.memory;
    const day = Math.floor(window.from / DAY);
    let old = this.oldWindows.get(day);
    if (old === undefined) {
      old = new StoryIndex(new TermStatistics(this.background));
      const span = { from: day * DAY, to: day * DAY + (window.to - window.from) + DAY };
      for (const article of await this.store.articlesPublishedWithin(span, OLD_WINDOW_MAX_ARTICLES))
        this.addStored(old, article);
      if (this.oldWindows.size >= OLD_WINDOW_CACHE)
        this.oldWindows.delete(this.oldWindows.keys().next().value ?? day);
    } else this.oldWindows.delete(day);
    this.oldWindows.set(day, old);
    return old;
  }

  private retentionStart(): number {
    return this.memory.newest - this.retentionMs;
  }

  private addStored(index: StoryIndex, article: IndexableArticle): void {
    index.add({ ...article, terms: articleTerms(article.title, article.description) });
    if (index === this.memory) {
      this.lastId = Math.max(this.lastId, article.id);
      this.summaryCache.delete(article.storyId);
    }
  }

  // A sweep visits every story: run it once per hour of new articles, not per batch.
  private evict(): void {
    const start = this.retentionStart();
    if (!Number.isFinite(start) || start - this.lastEviction < HOUR) return;
    this.memory.evictBefore(start);
    this.lastEviction = start;
  }
}
