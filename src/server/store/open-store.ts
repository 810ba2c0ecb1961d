import { OUTLETS_FILE } from '../paths.js';
import { loadOutletDirectory } from '../outlets/load-outlet-directory.js';
import { isPostgresUrl } from './postgres-connection.js';
import { PostgresStore } from './postgres-store.js';
import { SqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

/** The store at `target`: a postgres:// URL picks PostgreSQL, anything else is a SQLite file path. */
function storeAt(target: string, readOnly: boolean): Store {
  return isPostgresUrl(target)
    ? new PostgresStore(target, { readOnly })
    : new SqliteStore(target, { readOnly });
}

/**
 * Opens the writable store at `target` (see `storeAt`), migrates it and loads the shipped outlet
 * directory into it: what ingest, migrations and startup use.
 */
export async function openStore(target: string, outletsFile = OUTLETS_FILE): Promise<Store> {
  const directory = await loadOutletDirectory(outletsFile);
  const store = storeAt(target, false);
  try {
    await store.migrate();
    await store.upsertOutlets(directory.outlets);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/**
 * Opens a handle on the store at `target` that cannot write, for lookups and GETs. The database must
 * exist and be migrated (open it with `openStore` first).
 */
export async function openReadStore(target: string): Promise<Store> {
  const store = storeAt(target, true);
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
