/**
 * Answers already fetched, so that a headline seen again within the TTL sends nothing. Kept in
 * `storage.session`: in memory only, gone when the browser closes, out of content scripts' reach,
 * and it survives the service worker being stopped between events.
 */
import type { Storage } from 'webextension-polyfill';
import * as z from 'zod/mini';
import { LookupResult, type LookupItem } from '../../core/contract.js';

export const LOOKUP_TTL_MS = 10 * 60_000;
export const MAX_CACHED_LOOKUPS = 500;
const CACHE_KEY = 'lookup-cache';

const Entry = z.object({ storedAt: z.number(), result: LookupResult });
type Entry = z.infer<typeof Entry>;
const Entries = z.record(z.string(), Entry);

export interface LookupCache {
  get(apiBaseUrl: string, item: LookupItem): Promise<LookupResult | undefined>;
  set(apiBaseUrl: string, item: LookupItem, result: LookupResult): Promise<void>;
  clear(): Promise<void>;
}

/** One entry per API and headline: the same headline at another URL is another lookup. */
function keyOf(apiBaseUrl: string, item: LookupItem): string {
  return JSON.stringify([apiBaseUrl, item.title, item.url ?? null, item.description ?? null]);
}

export function createLookupCache(
  area: Storage.StorageArea,
  now: () => number = Date.now,
  ttlMs = LOOKUP_TTL_MS,
): LookupCache {
  const isFresh = (entry: Entry) => now() - entry.storedAt < ttlMs && entry.storedAt <= now();

  async function load(): Promise<Record<string, Entry>> {
    const parsed = Entries.safeParse((await area.get(CACHE_KEY))[CACHE_KEY]);
    return parsed.success ? parsed.data : {};
  }

  return {
    async get(apiBaseUrl, item) {
      const entry = (await load())[keyOf(apiBaseUrl, item)];
      return entry !== undefined && isFresh(entry) ? entry.result : undefined;
    },
    async set(apiBaseUrl, item, result) {
      const fresh = Object.entries(await load()).filter(([, entry]) => isFresh(entry));
      fresh.push([keyOf(apiBaseUrl, item), { storedAt: now(), result }]);
      // Oldest first, so the cap drops the oldest.
      fresh.sort(([, a], [, b]) => a.storedAt - b.storedAt);
      await area.set({ [CACHE_KEY]: Object.fromEntries(fresh.slice(-MAX_CACHED_LOOKUPS)) });
    },
    async clear() {
      await area.remove(CACHE_KEY);
    },
  };
}
