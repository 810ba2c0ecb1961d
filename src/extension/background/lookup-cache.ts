/**
 * Answers already fetched, so that a headline seen again within the TTL sends nothing. Kept in
 * `storage.session`: in memory only, gone when the browser closes, out of content scripts' reach,
 * and it survives the service worker being stopped between events.
 */
import type { Storage } from 'webextension-polyfill';
import type { LookupItem, LookupResult } from '../../core/contract.js';
import { createStoredResults } from './stored-results.js';

export const LOOKUP_TTL_MS = 10 * 60_000;
export const MAX_CACHED_LOOKUPS = 500;

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
  const stored = createStoredResults(area, { key: 'lookup-cache', max: MAX_CACHED_LOOKUPS, ttlMs, now });
  return {
    async get(apiBaseUrl, item) {
      return (await stored.load()).get(keyOf(apiBaseUrl, item));
    },
    set: (apiBaseUrl, item, result) => stored.add([[keyOf(apiBaseUrl, item), result]]),
    clear: () => stored.clear(),
  };
}
