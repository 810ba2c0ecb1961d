/** Feed health in its table of the PostgreSQL database the `Store` uses (created by its migrations). */
import { connectPostgres, type Sql } from '../store/postgres-connection.js';
import type { FeedHealth } from './feed-health.js';
import {
  FEED_HEALTH_COLUMNS,
  feedHealthValues,
  healthFromRow,
  type FeedHealthStore,
  type HealthRow,
} from './feed-health-store.js';

const PLACEHOLDERS = FEED_HEALTH_COLUMNS.split(',')
  .map((_, i) => `$${i + 1}`)
  .join(', ');
const UPDATES = FEED_HEALTH_COLUMNS.split(',')
  .map((column) => column.trim())
  .filter((column) => column !== 'url')
  .map((column) => `${column} = excluded.${column}`)
  .join(', ');

export class PostgresFeedHealthStore implements FeedHealthStore {
  private readonly sql: Sql;

  /** Connects lazily to `url` (postgres://…). */
  constructor(url: string) {
    this.sql = connectPostgres(url, { max: 2 });
  }

  async get(url: string): Promise<FeedHealth | null> {
    const [row] = await this.sql.unsafe<HealthRow[]>(
      `SELECT ${FEED_HEALTH_COLUMNS} FROM feed_health WHERE url = $1`,
      [url],
    );
    return row === undefined ? null : healthFromRow(row);
  }

  async all(): Promise<FeedHealth[]> {
    const rows = await this.sql.unsafe<HealthRow[]>(
      `SELECT ${FEED_HEALTH_COLUMNS} FROM feed_health ORDER BY url`,
    );
    return rows.map(healthFromRow);
  }

  async save(health: FeedHealth): Promise<void> {
    await this.sql.unsafe(
      `INSERT INTO feed_health (${FEED_HEALTH_COLUMNS}) VALUES (${PLACEHOLDERS})
       ON CONFLICT (url) DO UPDATE SET ${UPDATES}`,
      feedHealthValues(health),
    );
  }

  async close(): Promise<void> {
    await this.sql.end();
  }
}
