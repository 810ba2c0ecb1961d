/** Imported ratings in their table of the PostgreSQL database the `Store` uses. */
import type { Rating } from '../../core/outlet.js';
import type { ImportedRating } from '../../core/ratings-file.js';
import { connectPostgres, type Sql } from '../store/postgres-connection.js';
import {
  parseStoredRatings,
  ratingRows,
  type RatingsStore,
  type RatingsStoreOptions,
} from './ratings-store.js';

export class PostgresRatingsStore implements RatingsStore {
  private readonly sql: Sql;

  /** Connects lazily to `url` (postgres://…). */
  constructor(url: string, options: RatingsStoreOptions = {}) {
    this.sql = connectPostgres(url, { readOnly: options.readOnly, max: 2 });
  }

  async importRatings(ratings: readonly ImportedRating[]): Promise<{ added: number; replaced: number }> {
    // A file names an outlet and rater once per row; the last row of a pair wins, as in SQLite.
    const all = ratingRows(ratings);
    const rows = [...new Map(all.map((row) => [`${row.outletId}\n${row.rater}`, row])).values()];
    const counts = { added: 0, replaced: all.length - rows.length };
    if (rows.length === 0) return counts;
    // xmax is 0 on a row this statement inserted, the updating transaction's id on one it replaced.
    const result = await this.sql<{ added: boolean }[]>`
      INSERT INTO imported_ratings (outlet_id, rater, rating, imported_at)
      SELECT *, ${Date.now()}::bigint FROM unnest(${rows.map((r) => r.outletId)}::text[],
        ${rows.map((r) => r.rater)}::text[], ${rows.map((r) => r.rating)}::text[])
      ON CONFLICT (outlet_id, rater) DO UPDATE SET rating = excluded.rating, imported_at = excluded.imported_at
      RETURNING (xmax = 0) AS added`;
    for (const row of result) counts[row.added ? 'added' : 'replaced'] += 1;
    return counts;
  }

  async ratingsFor(outletId: string): Promise<Rating[]> {
    return parseStoredRatings(
      await this.sql<{ rating: string }[]>`
        SELECT rating FROM imported_ratings WHERE outlet_id = ${outletId} ORDER BY rater`,
    );
  }

  async close(): Promise<void> {
    await this.sql.end();
  }
}
