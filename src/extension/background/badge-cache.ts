/**
 * The badges' answers per canonical URL, so that a headline link seen again within the TTL (on any
 * page) sends nothing. Like the lookup cache it lives in `storage.session`, but a listing page asks
 * for up to 50 links at once: one read and one write per batch, and writes in order so that two
 * batches answered together do not overwrite each other's entries.
 */
import type { Storage } from 'webextension-polyfill';
import * as z from 'zod/mini';
import { LookupResult } from '../../core/contract.js';
import { LOOKUP_TTL_MS, type LookupCache } from './lookup-cache.js';

/** A few busy front pages' worth. */
export const MAX_CACHED_BADGES = 2000;
const CACHE_KEY = 'badge-cache';

const Entry = z.object({ storedAt: z.number(), result: LookupResult });
type Entry = z.infer<typeof Entry>;
const Entries = z.record(z.string(), Entry);

export interface BadgeCache {
  /** The fresh answers among `urls`, by URL. */
  getMany(apiBaseUrl: string, urls: readonly string[]): Promise<Map<string, LookupResult>>;
  setMany(apiBaseUrl: string, results: ReadonlyMap<string, LookupResult>): Promise<void>;
  clear(): Promise<void>;
}

const keyOf = (apiBaseUrl: string, url: string) => JSON.stringify([apiBaseUrl, url]);

export function createBadgeCache(
  area: Storage.StorageArea,
  now: () => number = Date.now,
  ttlMs = LOOKUP_TTL_MS,
): BadgeCache {
  const isFresh = (entry: Entry) => now() - entry.storedAt < ttlMs && entry.storedAt <= now();
  let writes = Promise.resolve();

  async function load(): Promise<Record<string, Entry>> {
    const parsed = Entries.safeParse((await area.get(CACHE_KEY))[CACHE_KEY]);
    return parsed.success ? parsed.data : {};
  }

  async function write(apiBaseUrl: string, results: ReadonlyMap<string, LookupResult>) {
    const storedAt = now();
    const fresh = Object.entries(await load()).filter(([, entry]) => isFresh(entry));
    for (const [url, result] of results) fresh.push([keyOf(apiBaseUrl, url), { storedAt, result }]);
    // Oldest first, so the cap drops the oldest.
    fresh.sort(([, a], [, b]) => a.storedAt - b.storedAt);
    await area.set({ [CACHE_KEY]: Object.fromEntries(fresh.slice(-MAX_CACHED_BADGES)) });
  }

  return {
    async getMany(apiBaseUrl, urls) {
      await writes;
      const entries = await load();
      const found = new Map<string, LookupResult>();
      for (const url of urls) {
        const entry = entries[keyOf(apiBaseUrl, url)];
        if (entry !== undefined && isFresh(entry)) found.set(url, entry.result);
      }
      return found;
    },
    setMany(apiBaseUrl, results) {
      // A failed write costs only a repeat lookup later; it must not fail this one.
      writes = writes.then(() => write(apiBaseUrl, results)).catch(() => undefined);
      return writes;
    },
    async clear() {
      await writes;
      await area.remove(CACHE_KEY);
    },
  };
}

/** The lookup cache whose `clear` clears the badges' answers too: "Clear cache" means both. */
export function clearingBadgesToo(cache: LookupCache, badges: BadgeCache): LookupCache {
  return {
    ...cache,
    async clear() {
      await Promise.all([cache.clear(), badges.clear()]);
    },
  };
}
