/** `coverage-lens ingest` with feed files, `--feeds`, and a run killed halfway. */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { syntheticArticleLines } from '../../../bench/lib/synthetic-articles.js';
import { startTsx } from '../start-tsx.js';
import { startFeedServer, type FeedServer } from './feed-server.js';

const cli = fileURLToPath(new URL('../../../src/server/cli.ts', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/feeds/${name}`, import.meta.url));

const start = (args: string[]) => startTsx(cli, args);
const run = (...args: string[]) => start(args).done;

/** The JSON summary the command prints on stdout for `label`. */
function summaryOf(stdout: string, label: string): Record<string, unknown> {
  const line = stdout.split('\n').find((l) => l.startsWith(`${label}: `));
  return JSON.parse(line?.slice(label.length + 2) ?? 'null') as Record<string, unknown>;
}

let dir: string;
let server: FeedServer;
/** A command still running when a test fails is ended with it. */
let running: ChildProcess | null = null;
afterEach(() => {
  running?.kill('SIGKILL');
  running = null;
});
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coverage-lens-feeds-cli-'));
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

// Each run starts Node with tsx: a second or two.
describe('coverage-lens ingest', { timeout: 120_000 }, () => {
  it('ingests RSS, Atom and JSON Feed files, with a summary per file', async () => {
    const db = join(dir, 'files.db');
    const files = ['bbc-news.rss', 'the-guardian.atom', 'fox-news.json'].map(fixture);
    const result = await run('ingest', '--db', db, ...files);
    expect(result.status).toBe(0);
    expect(summaryOf(result.stdout, files[0] ?? '')).toMatchObject({
      read: 4,
      added: 3,
      rejected: { 'empty-title': 1 },
    });
    expect(summaryOf(result.stdout, files[2] ?? '')).toMatchObject({ read: 2, added: 1, duplicates: 1 });
    expect(result.stderr).toContain('read 4, added 3, duplicates 0, rejected 1 (empty-title 1)');

    const again = await run('ingest', '--db', db, ...files);
    expect(summaryOf(again.stdout, files[1] ?? '')).toMatchObject({ added: 0, duplicates: 2 });
  });

  it('refuses a file that is neither a feed nor JSON Lines, and --feeds with files', async () => {
    const html = await run('ingest', '--db', join(dir, 'bad.db'), fixture('not-a-feed.html'));
    expect(html.status).toBe(1);
    expect(html.stderr).toContain('not an RSS, Atom or JSON Feed document');
    const both = await run('ingest', '--db', join(dir, 'bad.db'), '--feeds', fixture('bbc-news.rss'));
    expect(both.status).toBe(2);
  });

  it('ingests the feed list with --feeds: bad feeds are reported, the run goes on', async () => {
    const list = join(dir, 'feeds.json');
    writeFileSync(
      list,
      JSON.stringify({
        version: 'test',
        feeds: [
          { outlet: 'bbc-news', domain: 'bbc.co.uk', feeds: [server.url('/bbc-news.rss')] },
          { outlet: 'the-guardian', domain: 'theguardian.com', feeds: [server.url('/the-guardian.atom')] },
          { outlet: 'npr', domain: 'npr.org', feeds: [server.url('/malformed.rss'), server.url('/error')] },
        ],
      }),
    );
    const db = join(dir, 'feeds.db');
    const first = await run('ingest', '--db', db, '--feeds', '--feeds-file', list);
    expect(first.status).toBe(0);
    expect(summaryOf(first.stdout, 'feeds')).toMatchObject({
      feeds: 4,
      fetched: 2,
      failed: 2,
      ingest: { added: 5 },
    });
    expect(first.stderr).toContain(`failed: ${server.url('/error')}: http 500`);
    expect(first.stderr).toContain('4 feeds: 2 fetched, 0 not modified, 2 failed');

    const second = await run('ingest', '--db', db, '--feeds', '--feeds-file', list);
    expect(summaryOf(second.stdout, 'feeds')).toMatchObject({
      fetched: 0,
      notModified: 2,
      ingest: { added: 0 },
    });
  });

  it('leaves a consistent store when killed mid-run, and a re-run completes it', async () => {
    const total = 400;
    const corpus = join(dir, 'synthetic.jsonl');
    writeFileSync(corpus, `${[...syntheticArticleLines(total, { seed: 7 })].join('\n')}\n`);
    const db = join(dir, 'killed.db');
    const { child, done } = start(['ingest', '--db', db, '--batch-size', '50', corpus]);
    running = child;
    // Kill it once some batches are committed (seen through a read-only connection), before the end.
    const reader = await waitForDatabase(db);
    let stored = 0;
    while (stored === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      stored = articlesIn(reader);
    }
    child.kill('SIGKILL');
    await done;
    reader.close();

    const check = new Database(db, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.pragma('foreign_key_check')).toEqual([]);
    const afterKill = articlesIn(check);
    check.close();
    expect(afterKill).toBeGreaterThan(0);

    const rerun = await run('ingest', '--db', db, '--batch-size', '50', corpus);
    expect(rerun.status).toBe(0);
    const summary = summaryOf(rerun.stdout, corpus);
    expect(summary).toMatchObject({ read: total, rejected: {} });
    expect(summary.duplicates).toBe(afterKill);
    expect((summary.added as number) + afterKill).toBe(total);
  });
});

async function waitForDatabase(path: string): Promise<Database.Database> {
  for (;;) {
    try {
      const db = new Database(path, { readonly: true, fileMustExist: true });
      articlesIn(db);
      return db;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function articlesIn(db: Database.Database): number {
  return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
}
