import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { feedTargets, FeedList, type FeedTarget } from '../../../src/server/feeds/feed-list.js';
import { ingestFeeds, type FeedResult } from '../../../src/server/feeds/ingest-feeds.js';
import { SqliteFeedHealthStore } from '../../../src/server/feeds/sqlite-feed-health-store.js';
import type { Store } from '../../../src/server/store/store.js';
import { tempStore } from '../helpers.js';
import { BBC_ETAG, GUARDIAN_LAST_MODIFIED, startFeedServer, type FeedServer } from './feed-server.js';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => server.close());

let store: Store;
let dir: string;
let dispose: () => Promise<void>;
let health: SqliteFeedHealthStore;
beforeEach(async () => {
  ({ store, dir, dispose } = await tempStore());
  health = new SqliteFeedHealthStore(join(dir, 'coverage.db'));
});
afterEach(async () => {
  await health.close();
  await dispose();
});

function targets(): FeedTarget[] {
  const list = FeedList.parse({
    version: 'test',
    feeds: [
      { outlet: 'bbc-news', domain: 'bbc.co.uk', feeds: [server.url('/bbc-news.rss')] },
      { outlet: 'the-guardian', domain: 'theguardian.com', feeds: [server.url('/the-guardian.atom')] },
      { outlet: 'fox-news', domain: 'foxnews.com', feeds: [server.url('/fox-news.json')] },
      { outlet: 'le-monde', domain: 'lemonde.fr', feeds: [server.url('/le-monde.rss')] },
      { outlet: 'npr', domain: 'npr.org', feeds: [server.url('/malformed.rss'), server.url('/moved.html')] },
      { outlet: 'daily-mail', domain: 'dailymail.co.uk', feeds: [server.url('/error')] },
      { outlet: 'the-independent', domain: 'independent.co.uk', feeds: [server.url('/hang')] },
    ],
  });
  return feedTargets(list);
}

// Cuts the hanging feed; long enough that a busy test machine never cuts a live one. Nothing asserts on time.
const TIMEOUT_MS = 2_000;
const run = (onFeed?: (result: FeedResult) => void) =>
  ingestFeeds({ store, health, targets: targets(), timeoutMs: TIMEOUT_MS, concurrency: 3, onFeed });

describe('ingestFeeds', () => {
  it('loads RSS, Atom and JSON Feed, and reports bad feeds without losing the others’ items', async () => {
    const seen: FeedResult[] = [];
    const summary = await run((result) => seen.push(result));
    expect(summary).toMatchObject({ feeds: 8, fetched: 4, notModified: 0, failed: 4 });
    expect(Object.fromEntries(summary.failures.map((f) => [new URL(f.url).pathname, f.error]))).toEqual({
      '/malformed.rss': 'malformed-feed',
      '/moved.html': 'not-a-feed',
      '/error': 'http 500',
      '/hang': 'timeout',
    });
    expect(seen).toHaveLength(8);
    // 4 + 2 + 2 + 1 items; one has no title; Fox re-links a BBC article (same canonical URL).
    expect(summary.ingest).toMatchObject({
      read: 9,
      added: 7,
      duplicates: 1,
      rejected: { 'empty-title': 1 },
    });
    expect(await store.articleCount()).toBe(7);

    const bbc = await store.story(
      (await store.storyIdByUrl('https://www.bbc.co.uk/news/articles/c0reshuffle')) ?? '',
    );
    const reshuffle = bbc?.articles.find((a) => a.url === 'https://www.bbc.co.uk/news/articles/c0reshuffle');
    expect(reshuffle).toMatchObject({
      title: 'Prime minister’s cabinet reshuffle & what it means',
      description: 'Five ministers change jobs.',
      publishedAt: Date.parse('2024-09-15T09:00:00Z'),
      outlet: { id: 'bbc-news' },
    });
    const austria = 'https://www.theguardian.com/world/2024/sep/15/austria-election-polls';
    const guardian = await store.story((await store.storyIdByUrl(austria)) ?? '');
    expect(guardian?.articles[0]?.outlet?.id).toBe('the-guardian');
    const fox = 'https://www.foxnews.com/world/storm-boris-floods-europe?intcmp=rss';
    expect(await store.storyIdByUrl(fox)).not.toBeNull();
    const mondeUrl = 'https://www.lemonde.fr/international/article/2024/09/15/inondations.html';
    const monde = await store.story((await store.storyIdByUrl(mondeUrl)) ?? '');
    expect(monde?.articles[0]?.title).toBe(
      'Inondations en Europe centrale : la tempête Boris fait des dégâts',
    );
  });

  it('keeps a health record per feed', async () => {
    await run();
    const records = new Map((await health.all()).map((h) => [new URL(h.url).pathname, h]));
    expect(records.size).toBe(8);
    expect(records.get('/bbc-news.rss')).toMatchObject({
      outlet: 'bbc-news',
      lastError: null,
      consecutiveFailures: 0,
      itemsSeen: 4,
      lastItemCount: 4,
      etag: BBC_ETAG,
    });
    expect(records.get('/bbc-news.rss')?.lastSuccessAt).toEqual(expect.any(Number));
    expect(records.get('/the-guardian.atom')).toMatchObject({ lastModified: GUARDIAN_LAST_MODIFIED });
    expect(records.get('/error')).toMatchObject({
      lastSuccessAt: null,
      lastError: 'http 500',
      consecutiveFailures: 1,
      itemsSeen: 0,
    });
    expect(records.get('/hang')).toMatchObject({ lastError: 'timeout' });
    expect(records.get('/malformed.rss')).toMatchObject({ lastError: 'malformed-feed', etag: null });
  });

  it('adds nothing on a re-run, asking with the validators it stored', async () => {
    await run();
    server.requests.length = 0;
    const again = await run();
    expect(again).toMatchObject({ fetched: 2, notModified: 2, failed: 4 });
    expect(again.ingest).toMatchObject({ added: 0, storiesCreated: 0 });
    expect(again.ingest.duplicates).toBe(3);
    expect(await store.articleCount()).toBe(7);

    const asked = new Map(server.requests.map((r) => [r.path, r]));
    expect(asked.get('/bbc-news.rss')?.ifNoneMatch).toBe(BBC_ETAG);
    expect(asked.get('/the-guardian.atom')?.ifModifiedSince).toBe(GUARDIAN_LAST_MODIFIED);
    expect(asked.get('/error')?.ifNoneMatch).toBeUndefined();

    const records = new Map((await health.all()).map((h) => [new URL(h.url).pathname, h]));
    expect(records.get('/bbc-news.rss')).toMatchObject({ itemsSeen: 4, lastError: null, etag: BBC_ETAG });
    expect(records.get('/error')).toMatchObject({ consecutiveFailures: 2 });
  });

  it('starts no feed once stopped', async () => {
    server.requests.length = 0;
    const summary = await ingestFeeds({ store, health, targets: targets(), signal: AbortSignal.abort() });
    expect(summary.feeds).toBe(0);
    expect(server.requests).toEqual([]);
    expect(await health.all()).toEqual([]);
  });

  it('carries on when storing one feed’s items fails', async () => {
    const failing = new Proxy(store, {
      get: (target, key, receiver) =>
        key === 'transaction'
          ? () => Promise.reject(new Error('disk full'))
          : Reflect.get(target, key, receiver),
    });
    const summary = await ingestFeeds({
      store: failing,
      health,
      targets: targets().slice(0, 2),
      timeoutMs: TIMEOUT_MS,
    });
    expect(summary.failed).toBe(2);
    expect(summary.failures.map((f) => f.error)).toEqual(['ingest failed: Error', 'ingest failed: Error']);
    // The validators were not kept: the next run fetches the items again.
    expect((await health.get(server.url('/bbc-news.rss')))?.etag).toBeNull();
  });
});
