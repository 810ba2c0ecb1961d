import { isPostgresUrl } from '../store/postgres-connection.js';
import { PostgresRatingsStore } from './postgres-ratings-store.js';
import { SqliteRatingsStore, type RatingsStore, type RatingsStoreOptions } from './ratings-store.js';

/** The imported ratings of the store at `target` (a SQLite path or a postgres:// URL), migrated by `openStore`. */
export function openRatingsStore(target: string, options: RatingsStoreOptions = {}): RatingsStore {
  return isPostgresUrl(target)
    ? new PostgresRatingsStore(target, options)
    : new SqliteRatingsStore(target, options);
}
