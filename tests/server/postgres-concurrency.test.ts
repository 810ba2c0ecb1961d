/**
 * Two API processes and one ingest process (real `coverage-lens` child processes) on one PostgreSQL
 * database: the ingest writes while both serve lookups; afterwards every article is stored once and
 * both readers' in-memory indexes have caught up with it. Then two ingests of the same file at once:
 * the writer lock and the unique keys still store each article once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalizeUrl } from '../../src/core/canonical-url.js';
import { connectPostgres } from '../../src/server/store/postgres-connection.js';
import { openStore } from '../../src/server/store/open-store.js';
import type { ScratchDatabase } from '../../src/server/store/scratch-database.js';
import { storeKinds, tempDatabase } from './helpers.js';

const CLI = fileURLToPath(new URL('../../src/server/cli.ts', import.meta.url));
const STORIES = 150;
const PER_STORY = 8;
const T0 = Date.parse('2025-03-01T06:00:00Z');
const TOPICS = ['harbour', 'election', 'vaccine', 'wildfire', 'merger', 'strike', 'summit', 'verdict'];
const HOSTS = ['apnews.com', 'www.reuters.com', 'www.bbc.co.uk', 'www.foxnews.com', 'www.theguardian.com'];

interface Line {
  id: string;
  title: string;
  url: string;
  publishedAt: string;
}

/** Stories of PER_STORY articles, each story with names of its own; then repeats that must not be stored again. */
function corpus(prefix: string): { unique: Line[]; lines: Line[] } {
  const unique: Line[] = [];
  for (let s = 0; s < STORIES; s += 1) {
    const names = [`Qarvel${s.toString(36)}`, `Moxtan${(s * 7).toString(36)}`];
    const topic = TOPICS[s % TOPICS.length] ?? 'news';
    for (let a = 0; a < PER_STORY; a += 1) {
      const host = HOSTS[a % HOSTS.length] ?? 'example.org';
      unique.push({
        id: `${prefix}-${s}-${a}`,
        title: `${names[0]} and ${names[1]} ${topic} talks ${a % 2 === 0 ? 'resume' : 'stall'} in ${names[a % 2]}`,
        url: `https://${host}/${prefix}/${s}-${a}`,
        publishedAt: new Date(T0 + s * 3_600_000 + a * 60_000).toISOString(),
      });
    }
  }
  const sameId = unique.filter((_, i) => i % 9 === 0).map((line) => ({ ...line, url: `${line.url}-copy` }));
  const sameUrl = unique.filter((_, i) => i % 11 === 0).map((line) => ({ ...line, id: `${line.id}-copy` }));
  return { unique, lines: [...unique, ...sameId, ...sameUrl] };
}

/** A `coverage-lens` child process with what it printed so far. */
interface Child {
  process: ChildProcess;
  stdout: string;
  stderr: string;
  /** Its exit code (null when ended by a signal). */
  exit: Promise<number | null>;
}

function start(args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started: Child = {
    process: child,
    stdout: '',
    stderr: '',
    exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  child.stdout.on('data', (chunk: Buffer) => (started.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (started.stderr += chunk.toString()));
  return started;
}

/** The API's address, from the line `serve` prints once it listens. */
function serverUrl(child: Child): Promise<string> {
  return new Promise((resolve, reject) => {
    child.process.stdout?.on('data', () => {
      const match = /Coverage Lens API: (http:\/\/\S+)/.exec(child.stdout);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    void child.exit.then((code) => reject(new Error(`serve exited with ${code}: ${child.stderr}`)));
  });
}

interface LookupAnswer {
  status: number;
  results: { story: { id: string } | null; matchedBy: string | null }[];
}

async function lookup(base: string, items: object[]): Promise<LookupAnswer> {
  const response = await fetch(`${base}/v1/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items }),
  });
  return { status: response.status, ...((await response.json()) as Omit<LookupAnswer, 'status'>) };
}

describe.runIf(storeKinds().includes('postgres'))('PostgreSQL: two API processes and one ingest', () => {
  let database: ScratchDatabase;
  let dir: string;
  const children: Child[] = [];
  beforeAll(async () => {
    database = await tempDatabase('postgres');
    dir = mkdtempSync(join(tmpdir(), 'coverage-lens-pg-'));
    // Migrated before the processes start, as a deployment runs `coverage-lens migrate` first.
    await (await openStore(database.target)).close();
  });
  afterAll(async () => {
    for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGTERM');
    await Promise.all(children.map((child) => child.exit));
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  it(
    'stores every article once and keeps answering lookups on both servers throughout',
    { timeout: 120_000 },
    async () => {
      const { unique, lines } = corpus('first');
      const file = join(dir, 'articles.jsonl');
      writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n'));
      const env = { ...process.env, DATABASE_URL: database.target };

      const servers = [start(['serve', '--port', '0'], env), start(['serve', '--port', '0'], env)];
      children.push(...servers);
      const bases = await Promise.all(servers.map(serverUrl));

      const ingest = start(['ingest', '--batch-size', '20', file], env);
      children.push(ingest);
      let ingesting = true;
      const ingestDone = ingest.exit.then((code) => {
        ingesting = false;
        return code;
      });

      // Lookups by URL and by headline, alternating servers, for as long as the ingest runs.
      const during: { server: number; status: number; found: boolean }[] = [];
      for (let i = 0; ingesting; i += 1) {
        const line = unique[(i * 37) % unique.length];
        if (line === undefined) break;
        const server = i % 2;
        const answer = await lookup(bases[server] ?? '', [
          { title: line.title, url: line.url },
          { title: line.title, publishedAt: line.publishedAt },
        ]);
        if (answer.status !== 200)
          throw new Error(`lookup answered ${answer.status}: ${servers[server]?.stderr}`);
        during.push({ server, status: answer.status, found: answer.results[0]?.story != null });
      }
      expect(await ingestDone, ingest.stderr).toBe(0);
      expect(ingest.stdout).toContain(`"added":${unique.length}`);

      expect(during.filter((d) => d.server === 0).length).toBeGreaterThan(0);
      expect(during.filter((d) => d.server === 1).length).toBeGreaterThan(0);
      expect(during.every((d) => d.status === 200)).toBe(true);

      // No article lost or duplicated, and every story's counters agree with its articles.
      const sql = connectPostgres(database.target, { max: 1 });
      try {
        const [counts] = await sql<{ articles: number; ids: number; urls: number }[]>`
        SELECT count(*) AS articles, count(DISTINCT source_id) AS ids, count(DISTINCT canonical_url) AS urls
        FROM articles`;
        expect(counts).toEqual({ articles: unique.length, ids: unique.length, urls: unique.length });
        const stored = await sql<{ source_id: string }[]>`SELECT source_id FROM articles`;
        expect(stored.map((row) => row.source_id).sort()).toEqual(unique.map((line) => line.id).sort());
        const [mismatched] = await sql<{ n: number }[]>`
        SELECT count(*) AS n FROM stories s
        WHERE s.article_count <> (SELECT count(*) FROM articles a WHERE a.story_id = s.id)`;
        expect(mismatched?.n).toBe(0);
        const byUrl = new Map(
          (
            await sql<
              { canonical_url: string; story_id: string }[]
            >`SELECT canonical_url, story_id FROM articles`
          ).map((row) => [row.canonical_url, row.story_id]),
        );

        // Once past their refresh interval, both servers know every article and answer alike.
        await new Promise((resolve) => setTimeout(resolve, 1100));
        const sample = unique.filter((_, i) => i % 10 === 0);
        const answers = await Promise.all(
          bases.map((base) =>
            lookup(
              base,
              sample.slice(0, 50).map((line) => ({ title: line.title, url: line.url })),
            ),
          ),
        );
        for (const answer of answers) {
          expect(answer.results.map((r) => r.story?.id)).toEqual(
            sample.slice(0, 50).map((line) => byUrl.get(canonicalizeUrl(line.url) ?? '')),
          );
        }
        const texts = await Promise.all(
          bases.map((base) =>
            lookup(
              base,
              sample.slice(0, 50).map((line) => ({ title: line.title, publishedAt: line.publishedAt })),
            ),
          ),
        );
        expect(texts[0]?.results).toEqual(texts[1]?.results);
        expect(texts[0]?.results.some((r) => r.matchedBy === 'text')).toBe(true);
      } finally {
        await sql.end();
      }
    },
  );

  it(
    'stores each article once when two ingests of the same file run at once',
    { timeout: 120_000 },
    async () => {
      const { unique, lines } = corpus('second');
      const file = join(dir, 'second.jsonl');
      writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n'));
      const env = { ...process.env, DATABASE_URL: database.target };
      const ingests = [0, 1].map(() => start(['ingest', '--batch-size', '20', file], env));
      children.push(...ingests);
      const codes = await Promise.all(ingests.map((child) => child.exit));
      expect(codes, ingests.map((child) => child.stderr).join('\n')).toEqual([0, 0]);
      const added = ingests.map((child) => Number(/"added":(\d+)/.exec(child.stdout)?.[1]));
      expect(added[0]! + added[1]!).toBe(unique.length);
      const sql = connectPostgres(database.target, { max: 1 });
      try {
        const stored = await sql<{ source_id: string }[]>`
        SELECT source_id FROM articles WHERE source_id LIKE 'second-%'`;
        expect(stored.map((row) => row.source_id).sort()).toEqual(unique.map((line) => line.id).sort());
        // No story left empty by a writer that lost a race, and every story's count agrees with its articles.
        const [stories] = await sql<{ empty: number; mismatched: number }[]>`
        SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id)) AS empty,
               count(*) FILTER (WHERE s.article_count <> (SELECT count(*) FROM articles a WHERE a.story_id = s.id))
                 AS mismatched
        FROM stories s`;
        expect(stories).toEqual({ empty: 0, mismatched: 0 });
      } finally {
        await sql.end();
      }
    },
  );
});
