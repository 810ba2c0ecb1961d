import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/server/store/open-store.js';
import {
  createScratchDatabase,
  LOCAL_POSTGRES_URL,
  type ScratchDatabase,
  type StoreKind,
} from '../../src/server/store/scratch-database.js';
import type { Store } from '../../src/server/store/store.js';

/**
 * The stores the store tests run against: both, unless `STORES` names fewer (`STORES=sqlite` on a
 * machine without PostgreSQL). CI always runs both.
 */
export function storeKinds(): StoreKind[] {
  const named = (process.env.STORES ?? 'sqlite,postgres').split(',').map((kind) => kind.trim());
  const unknown = named.filter((kind) => kind !== 'sqlite' && kind !== 'postgres');
  if (unknown.length > 0) throw new Error(`STORES: unknown store ${unknown.join(', ')} (sqlite, postgres)`);
  return named as StoreKind[];
}

/** A fresh, empty database of `kind`; without a PostgreSQL server, a failure that says what to do. */
export async function tempDatabase(kind: StoreKind): Promise<ScratchDatabase> {
  try {
    return await createScratchDatabase(kind, 'coverage_lens_test');
  } catch (error) {
    if (kind === 'sqlite') throw error;
    throw new Error(
      `PostgreSQL is not reachable at ${LOCAL_POSTGRES_URL} (${(error as Error).message}). ` +
        'Start it (as .ci/run does), or run the SQLite store alone with STORES=sqlite.',
    );
  }
}

/** A real store of `kind` on a fresh database, migrated, with the shipped outlet directory. */
export async function tempStoreOf(
  kind: StoreKind,
): Promise<{ store: Store; target: string; dispose(): Promise<void> }> {
  const database = await tempDatabase(kind);
  const store = await openStore(database.target).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  return {
    store,
    target: database.target,
    dispose: async () => {
      await store.close();
      await database.drop();
    },
  };
}

/** A real SQLite store in a fresh temporary directory, migrated, with the shipped outlet directory. */
export async function tempStore(): Promise<{ store: Store; dir: string; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'coverage-lens-'));
  const store = await openStore(join(dir, 'coverage.db'));
  return {
    store,
    dir,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
