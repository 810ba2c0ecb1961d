/**
 * Ratings imported with `coverage-lens import-ratings`, kept in their own table of the store's
 * database (SQLite or PostgreSQL, created by the store's migrations) through a connection of their
 * own. They are shown beside the directory's ratings by `GET /v1/outlets/:domain`; the distribution
 * keeps using the consensus.
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

export interface RatingsStoreOptions {
  /** A handle for reads only (the API's): it cannot import. */
  readOnly?: boolean;
}

/** A rating as a row of `imported_ratings`. */
export interface RatingRow {
  outletId: string;
  rater: string;
  /** The Rating as JSON. */
  rating: string;
}

/**
 * The rows to store for imported ratings: only ratings with a lean reach the server ("unrated" rows
 * are a reader's own overrides).
 */
export function ratingRows(ratings: readonly ImportedRating[]): RatingRow[] {
  return ratings.flatMap(({ outletId, lean, ...rest }) =>
    lean === null
      ? []
      : [{ outletId, rater: rest.rater, rating: JSON.stringify(Rating.parse({ ...rest, lean })) }],
  );
}

/** Stored ratings as served: a row edited by hand into something else is skipped rather than served. */
export function parseStoredRatings(rows: readonly { rating: string }[]): Rating[] {
  return rows.flatMap(({ rating }) => {
    const parsed = Rating.safeParse(parseJson(rating));
    return parsed.success ? [parsed.data] : [];
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export class SqliteRatingsStore implements RatingsStore {
  private readonly db: Database.Database;

  constructor(path: string, options: RatingsStoreOptions = {}) {
    if (options.readOnly) {
      this.db = new Database(path, { readonly: true, fileMustExist: true, timeout: 5000 });
      return;
    }
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    // Waits for the other connection's write transactions instead of failing with SQLITE_BUSY.
    this.db = new Database(path, { timeout: 10_000 });
    this.db.pragma('journal_mode = WAL');
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
      for (const row of ratingRows(ratings)) {
        counts[exists.get(row.outletId, row.rater) === undefined ? 'added' : 'replaced'] += 1;
        upsert.run(row.outletId, row.rater, row.rating, now);
      }
      return counts;
    })();
  }

  async ratingsFor(outletId: string): Promise<Rating[]> {
    const rows = this.db
      .prepare('SELECT rating FROM imported_ratings WHERE outlet_id = ? ORDER BY rater')
      .all(outletId) as { rating: string }[];
    return parseStoredRatings(rows);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
