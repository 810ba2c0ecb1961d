/**
 * Ratings imported with `coverage-lens import-ratings`, kept in their own table of the SQLite
 * database the `Store` uses (a second connection). They are shown beside the directory's ratings by
 * `GET /v1/outlets/:domain`; the distribution keeps using the consensus.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Rating } from '../../core/outlet.js';
import type { ImportedRating } from '../../core/ratings-file.js';

export interface RatingsStore {
  /** Stores each rating, replacing an earlier one of the same outlet and rater. */
  importRatings(ratings: readonly ImportedRating[]): Promise<{ added: number; replaced: number }>;
  /** The imported ratings of an outlet, by rater name. */
  ratingsFor(outletId: string): Promise<Rating[]>;
  close(): Promise<void>;
}

export class SqliteRatingsStore implements RatingsStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    // Waits for the other connection's write transactions instead of failing with SQLITE_BUSY.
    this.db = new Database(path, { timeout: 10_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS imported_ratings (
      outlet_id TEXT NOT NULL,
      rater TEXT NOT NULL,
      rating TEXT NOT NULL,          -- the Rating as JSON
      imported_at INTEGER NOT NULL,  -- epoch milliseconds
      PRIMARY KEY (outlet_id, rater)
    ) WITHOUT ROWID`);
  }

  async importRatings(ratings: readonly ImportedRating[]): Promise<{ added: number; replaced: number }> {
    const exists = this.db.prepare('SELECT 1 FROM imported_ratings WHERE outlet_id = ? AND rater = ?');
    const upsert = this.db.prepare(
      `INSERT INTO imported_ratings (outlet_id, rater, rating, imported_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (outlet_id, rater) DO UPDATE SET rating = excluded.rating, imported_at = excluded.imported_at`,
    );
    const now = Date.now();
    return this.db.transaction(() => {
      const counts = { added: 0, replaced: 0 };
      for (const { outletId, lean, ...rest } of ratings) {
        // Only ratings with a lean reach the server: "unrated" rows are the reader's own overrides.
        if (lean === null) continue;
        counts[exists.get(outletId, rest.rater) === undefined ? 'added' : 'replaced'] += 1;
        upsert.run(outletId, rest.rater, JSON.stringify(Rating.parse({ ...rest, lean })), now);
      }
      return counts;
    })();
  }

  async ratingsFor(outletId: string): Promise<Rating[]> {
    const rows = this.db
      .prepare('SELECT rating FROM imported_ratings WHERE outlet_id = ? ORDER BY rater')
      .all(outletId) as { rating: string }[];
    // A row edited by hand into something else is skipped rather than served.
    return rows.flatMap(({ rating }) => {
      const parsed = Rating.safeParse(parseJson(rating));
      return parsed.success ? [parsed.data] : [];
    });
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
