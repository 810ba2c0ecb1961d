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
  storyId: string;
}

/** A story's term vector: in how many of its articles each term occurs. */
export interface StoryVector {
  id: string;
  articleCount: number;
  termCounts: Map<string, number>;
}

export interface StoredArticle {
  url: string | null;
  title: string;
  description: string | null;
  publishedAt: number;
  outlet: { id: string; name: string; domain: string; lean: Lean | null } | null;
  publisher: string | null;
}

export interface StoredStory {
  id: string;
  title: string;
  summary: string | null;
  firstPublishedAt: number;
  lastPublishedAt: number;
  /** Oldest first. */
  articles: StoredArticle[];
}

export interface Store {
  /** Brings the schema to the current version; safe to run on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Runs `work` atomically. Transactions run one at a time; `work` must use only this store and must
   * not start another transaction.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;

  /** Inserts or replaces outlets by id, with their domains. Outlets are never deleted (articles refer to them). */
  upsertOutlets(outlets: readonly Outlet[]): Promise<void>;
  /** The outlet of the first domain in `domains` that one owns. */
  outletByDomains(domains: readonly string[]): Promise<StoredOutlet | null>;

  articleExists(sourceId: string, canonicalUrl: string | null): Promise<boolean>;
  storyIdByUrl(canonicalUrl: string): Promise<string | null>;
  articleCount(): Promise<number>;
  /** In how many articles each term occurs; terms never seen are absent. */
  documentFrequencies(terms: readonly string[]): Promise<Map<string, number>>;
  /** Stories holding any of `terms`, most shared terms first; with a window, only stories overlapping it. */
  candidateStories(terms: readonly string[], window: TimeWindow | null, limit: number): Promise<string[]>;
  storyVectors(ids: readonly string[]): Promise<StoryVector[]>;

  createStory(story: NewStory): Promise<void>;
  /** Stores the article, widens its story's time span and adds `terms` (distinct) to the term indexes. */
  addArticle(article: NewArticle, terms: readonly string[]): Promise<void>;
  setStoryHeadline(id: string, title: string, summary: string | null): Promise<void>;
  story(id: string): Promise<StoredStory | null>;
}
