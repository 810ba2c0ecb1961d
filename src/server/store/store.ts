/**
 * What the API, ingest and matching need from storage. Async and free of SQL so the PostgreSQL store
 * can implement it as well as the embedded SQLite one; the same tests run against both.
 */
import type { Lean } from '../../core/bias-scale.js';
import type { Outlet } from '../../core/outlet.js';

/** An outlet of the directory as stored, with the consensus lean the distribution uses. */
export interface StoredOutlet {
  outlet: Outlet;
  lean: Lean | null;
}

/** Inclusive range of epoch milliseconds. */
export interface TimeWindow {
  from: number;
  to: number;
}

export interface NewStory {
  id: string;
  title: string;
  summary: string | null;
  publishedAt: number;
}

export interface NewArticle {
  /** The id the source gave it: with the canonical URL, the key that makes re-runs add nothing. */
  sourceId: string;
  canonicalUrl: string | null;
  title: string;
  description: string | null;
  publishedAt: number;
  outletId: string | null;
  /** Who published it when the outlet is unknown: the URL's host, else the name the source gave. */
  publisher: string | null;
  /** Who it counts as in the story's distribution (see `sourceKeyOf`). */
  sourceKey: string;
  storyId: string;
}

/** What a matching index needs of a stored article: the store's id orders them for catching up. */
export interface IndexableArticle {
  id: number;
  storyId: string;
  title: string;
  description: string | null;
  publishedAt: number;
}

export interface StoredArticle {
  url: string | null;
  title: string;
  description: string | null;
  publishedAt: number;
  outlet: { id: string; name: string; domain: string; lean: Lean | null } | null;
  publisher: string | null;
}

/** A story without its articles: what a lookup answers with. */
export interface StoredStorySummary {
  id: string;
  title: string;
  summary: string | null;
  firstPublishedAt: number;
  lastPublishedAt: number;
  /** Each distinct source once, with the consensus lean of its outlet (null: unrated). */
  sources: { key: string; lean: Lean | null }[];
}

export interface StoredStory extends StoredStorySummary {
  /** Oldest first. */
  articles: StoredArticle[];
}

export interface Store {
  /** Brings the schema to the current version; safe to run on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Runs `work` atomically. Transactions run one at a time (PostgreSQL: across processes too, under
   * one advisory lock); `work` must use only this store and must not start another transaction.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;

  /** Inserts or replaces outlets by id, with their domains. Outlets are never deleted (articles refer to them). */
  upsertOutlets(outlets: readonly Outlet[]): Promise<void>;
  /** The outlet of the first domain in `domains` that one owns. */
  outletByDomains(domains: readonly string[]): Promise<StoredOutlet | null>;

  /** Which of these source ids and canonical URLs are already stored. */
  storedArticleKeys(sourceIds: readonly string[], canonicalUrls: readonly string[]): Promise<Set<string>>;
  storyIdByUrl(canonicalUrl: string): Promise<string | null>;
  /** The story of each of these canonical URLs that is stored, by URL: a batch's URLs in one round trip. */
  storyIdsByUrls(canonicalUrls: readonly string[]): Promise<Map<string, string>>;
  articleCount(): Promise<number>;
  /**
   * Stored articles with an id above `afterId`, in id order, at most `limit`: how an in-memory
   * matching index is built and catches up with articles other processes stored.
   */
  articlesAfter(afterId: number, limit: number): Promise<IndexableArticle[]>;
  /** Stored articles published within `window`, in id order, at most `limit`: matching against old windows. */
  articlesPublishedWithin(window: TimeWindow, limit: number): Promise<IndexableArticle[]>;

  createStories(stories: readonly NewStory[]): Promise<void>;
  /**
   * Stores articles of existing stories, widens their stories' time spans and records their sources;
   * returns the new articles' ids, in order. An article whose source id or canonical URL is already
   * stored (or comes earlier in `articles`) is skipped: it gets no id and counts nowhere.
   */
  addArticles(articles: readonly NewArticle[]): Promise<number[]>;
  setStoryHeadline(id: string, title: string, summary: string | null): Promise<void>;
  /**
   * Folds story `fromId` into story `intoId`: its articles and sources move, the span widens, and
   * `fromId` (with any ids merged into it before) becomes an alias of `intoId`.
   */
  mergeStories(intoId: string, fromId: string): Promise<void>;
  /** A story's summary by its id or by the id of a story merged into it (the summary carries the survivor's id). */
  storySummary(id: string): Promise<StoredStorySummary | null>;
  /** The summaries of those of these stories that exist, by id (or by the id of a story merged into one): a batch's stories in one round trip. */
  storySummaries(ids: readonly string[]): Promise<Map<string, StoredStorySummary>>;
  /** A story by its id or by the id of a story merged into it, as `storySummary`. */
  story(id: string): Promise<StoredStory | null>;
}
