import { OUTLETS_FILE } from '../paths.js';
import { loadOutletDirectory } from '../outlets/load-outlet-directory.js';
import { SqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

/** Opens the SQLite store at `dbPath`, migrates it and loads the shipped outlet directory into it. */
export async function openStore(dbPath: string, outletsFile = OUTLETS_FILE): Promise<Store> {
  const directory = await loadOutletDirectory(outletsFile);
  const store = new SqliteStore(dbPath);
  try {
    await store.migrate();
    await store.upsertOutlets(directory.outlets);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
