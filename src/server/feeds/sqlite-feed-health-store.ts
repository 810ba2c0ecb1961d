/**
 * Feed health in its own table of the SQLite database the `Store` uses (a second connection); the
 * table comes with the store's migrations, so open the store first.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { FeedHealth } from './feed-health.js';
import {
  FEED_HEALTH_COLUMNS,
  feedHealthValues,
  healthFromRow,
  type FeedHealthStore,
  type HealthRow,
} from './feed-health-store.js';

export class SqliteFeedHealthStore implements FeedHealthStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    // Waits for the other connection's write transactions instead of failing with SQLITE_BUSY.
    this.db = new Database(path, { timeout: 10_000 });
    this.db.pragma('journal_mode = WAL');
  }

  async get(url: string): Promise<FeedHealth | null> {
    const row = this.db.prepare(`SELECT ${FEED_HEALTH_COLUMNS} FROM feed_health WHERE url = ?`).get(url) as
      HealthRow | undefined;
    return row === undefined ? null : healthFromRow(row);
  }

  async all(): Promise<FeedHealth[]> {
    const rows = this.db
      .prepare(`SELECT ${FEED_HEALTH_COLUMNS} FROM feed_health ORDER BY url`)
      .all() as HealthRow[];
    return rows.map(healthFromRow);
  }

  async save(h: FeedHealth): Promise<void> {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO feed_health (${FEED_HEALTH_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...feedHealthValues(h));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
