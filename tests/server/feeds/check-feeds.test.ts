/** `npm run feeds:check`: which feeds of a list answer with a feed document, against the fixture server. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFeeds } from '../../../src/server/feeds/check-feeds.js';
import { feedTargets, FeedList } from '../../../src/server/feeds/feed-list.js';
import { startTsx } from '../start-tsx.js';
import { startFeedServer, type FeedServer } from './feed-server.js';

const main = fileURLToPath(new URL('../../../src/server/feeds/feeds-check-main.ts', import.meta.url));

let server: FeedServer;
let dir: string;
beforeAll(async () => {
  server = await startFeedServer();
  dir = mkdtempSync(join(tmpdir(), 'coverage-lens-feeds-check-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function list(paths: string[]): FeedList {
  return FeedList.parse({
    version: 'test',
    feeds: [{ outlet: 'bbc-news', domain: 'bbc.co.uk', feeds: paths.map((path) => server.url(path)) }],
  });
}

const feedsCheck = (...args: string[]) => startTsx(main, args).done;

describe('feeds:check', { timeout: 60_000 }, () => {
  it('tells each feed’s status, format and item count, asking without validators, within the size bound', async () => {
    server.requests.length = 0;
    const paths = [
      '/bbc-news.rss',
      '/the-guardian.atom',
      '/fox-news.json',
      '/malformed.rss',
      '/moved.html',
      '/error',
      '/hang',
    ];
    const checks = await checkFeeds(feedTargets(list(paths)), {
      concurrency: 3,
      timeoutMs: 2_000,
      maxBytes: 1 << 20,
    });
    expect(
      checks.map(({ url, status, format, items }) => [new URL(url).pathname, status, format, items]),
    ).toEqual([
      ['/bbc-news.rss', 'ok', 'rss', 4],
      ['/the-guardian.atom', 'ok', 'atom', 2],
      ['/fox-news.json', 'ok', 'json', 2],
      ['/malformed.rss', 'malformed-feed', null, 0],
      ['/moved.html', 'not-a-feed', null, 0],
      ['/error', 'http 500', null, 0],
      ['/hang', 'timeout', null, 0],
    ]);
    expect(server.requests.every((r) => r.ifNoneMatch === undefined && r.ifModifiedSince === undefined)).toBe(
      true,
    );
    const small = await checkFeeds(feedTargets(list(['/bbc-news.rss'])), {
      concurrency: 1,
      timeoutMs: 2_000,
      maxBytes: 100,
    });
    expect(small.map((c) => c.status)).toEqual(['body over 100 bytes']);
  });

  it('prints JSON with --json, and fails clearly on a bad list', async () => {
    const file = join(dir, 'feeds.json');
    writeFileSync(file, JSON.stringify(list(['/bbc-news.rss', '/error'])));
    const run = await feedsCheck('--feeds-file', file, '--json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { feeds: number; ok: number; checks: { status: string }[] };
    expect(report).toMatchObject({ feeds: 2, ok: 1 });
    expect(report.checks.map((c) => c.status)).toEqual(['ok', 'http 500']);

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"version": "x", "feeds": [{"outlet": "Not An Id"}]}');
    const refused = await feedsCheck('--feeds-file', bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${bad}: feeds.0.outlet`);
    expect(refused.stderr).not.toContain('    at ');
  });
});
