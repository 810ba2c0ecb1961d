/** Feed health in its own table of the SQLite database the `Store` uses (a second connection). */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { FeedHealth } from './feed-health.js';
import type { FeedHealthStore } from './feed-health-store.js';

interface HealthRow {
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

const COLUMNS =
  'url, outlet, last_attempt_at, last_success_at, last_error_at, last_error, consecutive_failures, items_seen, last_item_count, etag, last_modified';

function fromRow(row: HealthRow): FeedHealth {
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

export class SqliteFeedHealthStore implements FeedHealthStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    // Waits for the other connection's write transactions instead of failing with SQLITE_BUSY.
    this.db = new Database(path, { timeout: 10_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS feed_health (
      url TEXT PRIMARY KEY,
      outlet TEXT NOT NULL,
      last_attempt_at INTEGER,
      last_success_at INTEGER,
      last_error_at INTEGER,
      last_error TEXT,
      consecutive_failures INTEGER NOT NULL DEFAULT 0,
      items_seen INTEGER NOT NULL DEFAULT 0,
      last_item_count INTEGER,
      etag TEXT,
      last_modified TEXT
    )`);
  }

  async get(url: string): Promise<FeedHealth | null> {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM feed_health WHERE url = ?`).get(url) as
      HealthRow | undefined;
    return row === undefined ? null : fromRow(row);
  }

  async all(): Promise<FeedHealth[]> {
    const rows = this.db.prepare(`SELECT ${COLUMNS} FROM feed_health ORDER BY url`).all() as HealthRow[];
    return rows.map(fromRow);
  }

  async save(h: FeedHealth): Promise<void> {
    this.db
      .prepare(`INSERT OR REPLACE INTO feed_health (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
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
      );
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
