/**
 * Where feed health records live: a table of the store's database (SQLite or PostgreSQL, created by
 * the store's migrations), reached through a connection of its own.
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

/** A record as a row of `feed_health`. */
export interface HealthRow {
  url: string;
  outlet: string;
  last_attempt_at: number | null;
  last_success_at: number | null;
  last_error_at: number | null;
  last_error: string | null;
  consecutive_failures: number;
  items_seen: number;
  last_item_count: number | null;
  etag: string | null;
  last_modified: string | null;
}

export const FEED_HEALTH_COLUMNS =
  'url, outlet, last_attempt_at, last_success_at, last_error_at, last_error, consecutive_failures, items_seen, last_item_count, etag, last_modified';

export function healthFromRow(row: HealthRow): FeedHealth {
  return {
    url: row.url,
    outlet: row.outlet,
    lastAttemptAt: row.last_attempt_at,
    lastSuccessAt: row.last_success_at,
    lastErrorAt: row.last_error_at,
    lastError: row.last_error,
    consecutiveFailures: row.consecutive_failures,
    itemsSeen: row.items_seen,
    lastItemCount: row.last_item_count,
    etag: row.etag,
    lastModified: row.last_modified,
  };
}

/** The record's values in the order of `FEED_HEALTH_COLUMNS`. */
export function feedHealthValues(h: FeedHealth): (string | number | null)[] {
  return [
    h.url,
    h.outlet,
    h.lastAttemptAt,
    h.lastSuccessAt,
    h.lastErrorAt,
    h.lastError,
    h.consecutiveFailures,
    h.itemsSeen,
    h.lastItemCount,
    h.etag,
    h.lastModified,
  ];
}
