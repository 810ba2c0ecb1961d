/**
 * Lookup answers kept under one key of a storage area, each with the time it was stored: fresh
 * for a TTL, the oldest dropped past a cap. The lookup cache and the badge cache differ only in
 * what they key an answer by and how many they keep.
 */
import type { Storage } from 'webextension-polyfill';
import * as z from 'zod/mini';
import { LookupResult } from '../../core/contract.js';

const Entry = z.object({ storedAt: z.number(), result: LookupResult });
type Entry = z.infer<typeof Entry>;
const Entries = z.record(z.string(), Entry);

export interface StoredResultsOptions {
  /** The storage key holding every entry. */
  key: string;
  /** Entries kept at most. */
  max: number;
  ttlMs: number;
  now: () => number;
}

export interface StoredResults {
  /** The fresh answers, by key (garbage in the area reads as none). */
  load(): Promise<Map<string, LookupResult>>;
  /** Adds `results`, keeping the fresh entries and at most `max`, the newest. */
  add(results: Iterable<readonly [string, LookupResult]>): Promise<void>;
  clear(): Promise<void>;
}

export function createStoredResults(area: Storage.StorageArea, options: StoredResultsOptions): StoredResults {
  const { key, max, ttlMs, now } = options;
  const isFresh = (entry: Entry) => now() - entry.storedAt < ttlMs && entry.storedAt <= now();

  async function freshEntries(): Promise<[string, Entry][]> {
    const parsed = Entries.safeParse((await area.get(key))[key]);
    return parsed.success ? Object.entries(parsed.data).filter(([, entry]) => isFresh(entry)) : [];
  }

  return {
    async load() {
      return new Map((await freshEntries()).map(([id, entry]) => [id, entry.result]));
    },
    async add(results) {
      const storedAt = now();
      const entries = await freshEntries();
      for (const [id, result] of results) entries.push([id, { storedAt, result }]);
      // Oldest first, so the cap drops the oldest.
      entries.sort(([, a], [, b]) => a.storedAt - b.storedAt);
      await area.set({ [key]: Object.fromEntries(entries.slice(-max)) });
    },
    async clear() {
      await area.remove(key);
    },
  };
}
