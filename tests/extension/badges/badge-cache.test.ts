import { describe, expect, it } from 'vitest';
import type { LookupResult } from '../../../src/core/contract.js';
import {
  MAX_CACHED_BADGES,
  clearingBadgesToo,
  createBadgeCache,
} from '../../../src/extension/background/badge-cache.js';
import { createLookupCache, LOOKUP_TTL_MS } from '../../../src/extension/background/lookup-cache.js';
import { matched } from '../api-fixtures.js';
import { fakeStorageArea } from '../fake-storage-area.js';

const API = 'https://api.example';
const result = matched.results[0] as LookupResult;
const none: LookupResult = { story: null, matchedBy: null, score: null };

describe('the badge cache', () => {
  it('keeps answers per API and URL for the TTL', async () => {
    let now = 1000;
    const cache = createBadgeCache(fakeStorageArea(), () => now);
    await cache.setMany(
      API,
      new Map([
        ['https://a.example/1', result],
        ['https://a.example/2', none],
      ]),
    );
    expect(
      await cache.getMany(API, ['https://a.example/1', 'https://a.example/2', 'https://a.example/3']),
    ).toEqual(
      new Map([
        ['https://a.example/1', result],
        ['https://a.example/2', none],
      ]),
    );
    expect((await cache.getMany('https://other.example', ['https://a.example/1'])).size).toBe(0);
    now += LOOKUP_TTL_MS;
    expect((await cache.getMany(API, ['https://a.example/1'])).size).toBe(0);
  });

  it('loses no entry when batches are stored at the same time, and drops the oldest past its cap', async () => {
    let now = 0;
    const cache = createBadgeCache(fakeStorageArea(), () => (now += 1));
    const batch = (from: number, count: number) =>
      new Map(Array.from({ length: count }, (_, i) => [`https://a.example/${from + i}`, result] as const));
    await Promise.all([cache.setMany(API, batch(0, 50)), cache.setMany(API, batch(50, 50))]);
    expect((await cache.getMany(API, [...batch(0, 100).keys()])).size).toBe(100);
    await cache.setMany(API, batch(100, MAX_CACHED_BADGES));
    const kept = await cache.getMany(API, [...batch(0, 100 + MAX_CACHED_BADGES).keys()]);
    expect(kept.size).toBe(MAX_CACHED_BADGES);
    expect(kept.has('https://a.example/0')).toBe(false);
  });

  it('is cleared with the lookup cache', async () => {
    const area = fakeStorageArea();
    const badges = createBadgeCache(area);
    const lookups = createLookupCache(area);
    await badges.setMany(API, new Map([['https://a.example/1', result]]));
    await lookups.set(API, { title: 'A headline' }, result);
    await clearingBadgesToo(lookups, badges).clear();
    expect((await badges.getMany(API, ['https://a.example/1'])).size).toBe(0);
    expect(await lookups.get(API, { title: 'A headline' })).toBeUndefined();
  });
});
