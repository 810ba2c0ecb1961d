/**
 * Where feed health records live. Kept apart from `Store` for now (one table of its own in the same
 * database); to be folded into `Store` so PostgreSQL gets it too.
 */
import type { FeedHealth } from './feed-health.js';

export interface FeedHealthStore {
  get(url: string): Promise<FeedHealth | null>;
  /** All records, by URL. */
  all(): Promise<FeedHealth[]>;
  /** Inserts or replaces the record of `health.url`. */
  save(health: FeedHealth): Promise<void>;
  close(): Promise<void>;
}
