/**
 * The badges' answers per canonical URL, so that a headline link seen again within the TTL (on any
 * page) sends nothing. Like the lookup cache it lives in `storage.session`, but a listing page asks
 * for up to 50 links at once: one read and one write per batch, and writes in order so that two
 * batches answered together do not overwrite each other's entries.
 */
import type { Storage } from 'webextension-polyfill';
import type { LookupResult } from '../../core/contract.js';
import { LOOKUP_TTL_MS, type LookupCache } from './lookup-cache.js';
import { createStoredResults } from './stored-results.js';

/** A few busy front pages' worth. */
export const MAX_CACHED_BADGES = 2000;

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
  const stored = createStoredResults(area, { key: 'badge-cache', max: MAX_CACHED_BADGES, ttlMs, now });
  let writes = Promise.resolve();

  return {
    async getMany(apiBaseUrl, urls) {
      await writes;
      const entries = await stored.load();
      const found = new Map<string, LookupResult>();
      for (const url of urls) {
        const result = entries.get(keyOf(apiBaseUrl, url));
        if (result !== undefined) found.set(url, result);
      }
      return found;
    },
    setMany(apiBaseUrl, results) {
      const keyed = [...results].map(([url, result]) => [keyOf(apiBaseUrl, url), result] as const);
      // A failed write costs only a repeat lookup later; it must not fail this one.
      writes = writes.then(() => stored.add(keyed)).catch(() => undefined);
      return writes;
    },
    async clear() {
      await writes;
      await stored.clear();
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
