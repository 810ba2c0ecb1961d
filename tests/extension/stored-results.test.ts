import { describe, expect, it } from 'vitest';
import type { LookupResult } from '../../src/core/contract.js';
import { createLookupCache, MAX_CACHED_LOOKUPS } from '../../src/extension/background/lookup-cache.js';
import { createStoredResults } from '../../src/extension/background/stored-results.js';
import { matched } from './api-fixtures.js';
import { fakeStorageArea } from './fake-storage-area.js';

const result = matched.results[0] as LookupResult;
const none: LookupResult = { story: null, matchedBy: null, score: null };
const API = 'https://api.example';

describe('stored lookup answers', () => {
  it('are fresh for the TTL, not after it, and not when stored in the future (a clock set back)', async () => {
    let now = 10_000;
    const stored = createStoredResults(fakeStorageArea(), { key: 'k', max: 10, ttlMs: 1000, now: () => now });
    await stored.add([['a', result]]);
    now += 999;
    expect(await stored.load()).toEqual(new Map([['a', result]]));
    now += 1;
    expect((await stored.load()).size).toBe(0);
    await stored.add([['b', none]]);
    now -= 5000;
    expect((await stored.load()).size).toBe(0);
  });

  it('keep the newest past the cap, a re-added key counting as new', async () => {
    let now = 0;
    const stored = createStoredResults(fakeStorageArea(), {
      key: 'k',
      max: 3,
      ttlMs: 1e9,
      now: () => (now += 1),
    });
    for (const id of ['a', 'b', 'c']) await stored.add([[id, none]]);
    await stored.add([['a', result]]);
    await stored.add([['d', none]]);
    expect([...(await stored.load()).keys()].sort()).toEqual(['a', 'c', 'd']);
    expect((await stored.load()).get('a')).toEqual(result);
  });

  it('read garbage in the storage area as nothing, and clear their key only', async () => {
    const area = fakeStorageArea({ k: { a: { storedAt: 'yesterday', result: 42 } }, other: 1 });
    const stored = createStoredResults(area, { key: 'k', max: 3, ttlMs: 1e9, now: () => 0 });
    expect((await stored.load()).size).toBe(0);
    await stored.add([['b', none]]);
    await stored.clear();
    expect(await area.get(null)).toEqual({ other: 1 });
  });
});

describe('the lookup cache', () => {
  it('keeps one answer per API and headline, at most MAX_CACHED_LOOKUPS', async () => {
    let now = 0;
    const cache = createLookupCache(fakeStorageArea(), () => (now += 1));
    await cache.set(API, { title: 'A headline', url: 'https://a.example/1' }, result);
    expect(await cache.get(API, { title: 'A headline', url: 'https://a.example/1' })).toEqual(result);
    expect(await cache.get(API, { title: 'A headline', url: 'https://a.example/2' })).toBeUndefined();
    expect(
      await cache.get('https://other.example', { title: 'A headline', url: 'https://a.example/1' }),
    ).toBeUndefined();
    for (let i = 0; i < MAX_CACHED_LOOKUPS; i += 1) await cache.set(API, { title: `Headline ${i}` }, none);
    expect(await cache.get(API, { title: 'A headline', url: 'https://a.example/1' })).toBeUndefined();
    expect(await cache.get(API, { title: 'Headline 0' })).toEqual(none);
  });
});
