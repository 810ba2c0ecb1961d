/**
 * `npm run bench -- api [--articles N] [--store sqlite|postgres|both] [--json]`
 * Side by side in one run, on a fresh SQLite database (default) or PostgreSQL database (a random name
 * on the local server, dropped after); `--store both` runs each and prints them side by side:
 * 1. ingest and cluster the UCI development stream through the real ingest path (articles/s);
 * 2. add synthetic stories (outside the clustering step, straight into the store) until the store
 *    holds N articles (default 1,000,000), and let the engine catch up with them;
 * 3. lookup latency in process through the Hono app (server time: JSON, validation, matching,
 *    story summary): single headlines with their publication time, and batches of 50;
 * 4. HTTP throughput on loopback with autocannon against a server process over the same database,
 *    beside a trivial Hono route served by that process; resident memory of both processes.
 */
import { fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createApp } from '../../src/server/app.js';
import { ingestLines } from '../../src/server/ingest/ingest-articles.js';
import { readLines } from '../../src/server/ingest/read-lines.js';
import { storyIdFor } from '../../src/server/matching/assign-story.js';
import { storyEngineOf } from '../../src/server/stories/engine-of-store.js';
import { openStore } from '../../src/server/store/open-store.js';
import { createScratchDatabase, type StoreKind } from '../../src/server/store/scratch-database.js';
import type { NewArticle, Store } from '../../src/server/store/store.js';
import { readStoryData, sample, UCI_FILE, type GoldArticle } from '../lib/story-data.js';
import type { Report, Runner, Table } from '../report.js';
import { optionValue } from '../lib/cli-args.js';

const SEED = 11;
const SINGLE_LOOKUPS = 3000;
const BATCHES = 200;
const HTTP_SECONDS = 10;
const SYNTHETIC_STORY_SIZE = 12;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

/**
 * Synthetic stories shaped like real ones: each has a few names of its own (unique rare terms) and
 * topic words drawn from real headlines, and spreads over the stream's time span, so every lookup
 * window holds several times the real stories.
 */
async function addSyntheticStories(store: Store, count: number, words: string[], span: [number, number]) {
  let state = SEED;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = () => words[Math.floor(random() * words.length)] ?? 'news';
  let made = 0;
  for (let s = 0; made < count; s += 1) {
    await store.transaction(async () => {
      for (let k = 0; k < 100 && made < count; k += 1, s += 1) {
        const names = [0, 1, 2].map((n) => `Zyx${(s * 3 + n).toString(36)}`);
        const start = span[0] + random() * (span[1] - span[0]);
        const storyId = storyIdFor(`synthetic:${s}`);
        const articles: NewArticle[] = [];
        for (let a = 0; a < SYNTHETIC_STORY_SIZE && made < count; a += 1, made += 1) {
          const title = `${names[a % 3]} ${pick()} ${names[(a + 1) % 3]} ${pick()} ${pick()} ${pick()}`;
          articles.push({
            sourceId: `synthetic-${s}-${a}`,
            canonicalUrl: null,
            title,
            description: null,
            publishedAt: Math.round(start + random() * 36 * 3_600_000),
            outletId: null,
            publisher: `outlet${a}.example`,
            sourceKey: `publisher:outlet${a}.example`,
            storyId,
          });
        }
        await store.createStories([
          {
            id: storyId,
            title: articles[0]?.title ?? '',
            summary: null,
            publishedAt: articles[0]?.publishedAt ?? 0,
          },
        ]);
        await store.addArticles(articles);
      }
    });
  }
}

function lookupBody(articles: GoldArticle[]) {
  return JSON.stringify({
    items: articles.map((a) => ({ title: a.title, publishedAt: new Date(a.publishedAt ?? 0).toISOString() })),
  });
}

async function load(url: string, bodies: string[]): Promise<number> {
  let next = 0;
  const result = await autocannon({
    url,
    connections: 16,
    duration: HTTP_SECONDS,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  return result.requests.average;
}

async function runOn(args: string[], kind: StoreKind): Promise<Report> {
  const target = Number(optionValue(args, '--articles') ?? 1_000_000);
  const database = await createScratchDatabase(kind, 'coverage_lens_bench');
  const store = await openStore(database.target);
  try {
    // 1. Ingest and cluster the UCI stream.
    const ingestStarted = performance.now();
    const summary = await ingestLines(store, readLines(UCI_FILE), { batchSize: 2000 });
    const ingestSeconds = (performance.now() - ingestStarted) / 1000;
    const ingestRate = summary.added / ingestSeconds;
    process.stderr.write(`ingest: ${summary.added} articles in ${ingestSeconds.toFixed(1)} s\n`);

    // 2. Synthetic stories up to the target size.
    const uci = await readStoryData(UCI_FILE);
    const words = uci.slice(0, 20_000).flatMap((a) => a.title.split(/\s+/).filter((w) => w.length > 3));
    const times = uci.map((a) => a.publishedAt ?? 0);
    const synthetic = Math.max(0, target - summary.added);
    const syntheticStarted = performance.now();
    await addSyntheticStories(store, synthetic, words, [
      times.reduce((a, b) => Math.min(a, b)),
      times.reduce((a, b) => Math.max(a, b)),
    ]);
    const engine = await storyEngineOf(store);
    await engine.catchUp();
    const syntheticSeconds = (performance.now() - syntheticStarted) / 1000;
    const total = await store.articleCount();
    const parentRss = process.memoryUsage().rss;

    // 3. Server time in process.
    const app = createApp({ store });
    const loadAtLookups = loadavg()[0] ?? 0;
    const queries = sample(uci, SINGLE_LOOKUPS + BATCHES * 50, SEED);
    const post = async (body: string) => {
      const started = performance.now();
      const response = await app.request('/v1/lookup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await response.arrayBuffer();
      return performance.now() - started;
    };
    const singles: number[] = [];
    let matched = 0;
    for (const query of queries.slice(0, SINGLE_LOOKUPS)) {
      const body = lookupBody([query]);
      singles.push(await post(body));
    }
    for (const query of queries.slice(0, 200)) {
      const response = await app.request('/v1/lookup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: lookupBody([query]),
      });
      if (((await response.json()) as { results: { story: unknown }[] }).results[0]?.story) matched += 1;
    }
    const batches: number[] = [];
    for (let b = 0; b < BATCHES; b += 1) {
      const slice = queries.slice(SINGLE_LOOKUPS + b * 50, SINGLE_LOOKUPS + (b + 1) * 50);
      batches.push(await post(lookupBody(slice)));
    }
    // Server time is wall time: on a shared machine it counts the time other processes held the cores.
    const machineLoad = { lookupsStart: loadAtLookups, lookupsEnd: loadavg()[0] ?? 0, cpus: cpus().length };

    // 4. HTTP throughput against a separate server process.
    const child = fork(
      fileURLToPath(new URL('../lib/api-bench-server.ts', import.meta.url)),
      [database.target],
      {
        execArgv: ['--import', 'tsx'],
      },
    );
    const message = <T>(predicate: (m: Record<string, unknown>) => boolean) =>
      new Promise<T>((resolve) =>
        child.on('message', (m: Record<string, unknown>) => {
          if (predicate(m)) resolve(m as T);
        }),
      );
    let http: { api: number; trivial: number; plumbing: number; childRss: number; catchUpSeconds: number };
    try {
      const ready = await message<{ apiPort: number; trivialPort: number; catchUpSeconds: number }>(
        (m) => m.ready === true,
      );
      const bodies = queries.slice(0, 500).map((q) => lookupBody([q]));
      const trivial = await load(`http://127.0.0.1:${ready.trivialPort}/v1/lookup`, bodies);
      const api = await load(`http://127.0.0.1:${ready.apiPort}/v1/lookup`, bodies);
      // A headline of stop words holds no term to match: what the API's HTTP path costs without matching.
      const plumbing = await load(`http://127.0.0.1:${ready.apiPort}/v1/lookup`, [
        JSON.stringify({ items: [{ title: 'The', publishedAt: new Date(times[0] ?? 0).toISOString() }] }),
      ]);
      const rss = message<{ rss: number }>((m) => typeof m.rss === 'number');
      child.send('rss');
      http = { api, trivial, plumbing, childRss: (await rss).rss, catchUpSeconds: ready.catchUpSeconds };
    } finally {
      child.kill();
    }

    const data = {
      ingest: {
        articles: summary.added,
        stories: summary.storiesCreated,
        merged: summary.storiesMerged,
        seconds: ingestSeconds,
        perSecond: ingestRate,
      },
      store: { articles: total, synthetic, syntheticSeconds, indexedStories: engine.index.storyCount },
      single: { p50: percentile(singles, 50), p99: percentile(singles, 99), matchedShare: matched / 200 },
      batch50: { p50: percentile(batches, 50), p99: percentile(batches, 99) },
      http,
      rssMiB: { benchProcess: mib(parentRss), serverProcess: mib(http.childRss) },
      load: machineLoad,
    };
    const tables: Table[] = [
      {
        title: `API benchmark on ${kind} (one run, side by side)`,
        columns: ['measure', 'value', 'target'],
        rows: [
          ['UCI stream ingested and clustered (articles)', summary.added, '252,281'],
          ['ingest + clustering rate (articles/s)', Math.round(ingestRate), '≥ 3,000'],
          ['stories created by clustering', summary.storiesCreated, null],
          ['stored stories merged into another', summary.storiesMerged, null],
          ['store size for lookups (articles, incl. synthetic)', total, '1,000,000'],
          ['stories in the in-memory index', engine.index.storyCount, null],
          ['single headline, server time p50 (ms)', data.single.p50, '≤ 2'],
          ['single headline, server time p99 (ms)', data.single.p99, '≤ 10'],
          ['batch of 50, server time p50 (ms)', data.batch50.p50, null],
          ['batch of 50, server time p99 (ms)', data.batch50.p99, '≤ 40'],
          ['load average when the lookups started', machineLoad.lookupsStart, null],
          ['load average when the lookups ended', machineLoad.lookupsEnd, null],
          ['HTTP lookup, 1 headline (req/s)', Math.round(http.api), null],
          ['HTTP trivial Hono route (req/s)', Math.round(http.trivial), null],
          ['lookup / trivial throughput (%)', Math.round((100 * http.api) / http.trivial), '≥ 30'],
          [
            'HTTP lookup of a headline with no terms: validation, middleware, JSON (req/s)',
            Math.round(http.plumbing),
            null,
          ],
          ['that / trivial throughput (%)', Math.round((100 * http.plumbing) / http.trivial), null],
          ['server process: index rebuilt from store (s)', http.catchUpSeconds, null],
          ['server process RSS (MiB)', data.rssMiB.serverProcess, 'bounded'],
          ['bench process RSS (MiB)', data.rssMiB.benchProcess, 'bounded'],
        ],
        note: `Lookups: ${SINGLE_LOOKUPS} single UCI headlines with their publication time (no URL, so all go through text matching; ${Math.round(data.single.matchedShare * 100)}% answered) and ${BATCHES} batches of 50; HTTP: autocannon, 16 connections, ${HTTP_SECONDS} s each, server in its own process. Load averages are the whole machine's, on ${machineLoad.cpus} CPUs.`,
      },
    ];
    const report: Report = { name: 'api', tables, data };
    return report;
  } finally {
    await store.close();
    await database.drop();
  }
}

/** Both stores' tables as one: each measure with the SQLite and PostgreSQL figures and their ratio. */
function sideBySide(sqlite: Report, postgres: Report): Report {
  const [a, b] = [sqlite.tables[0], postgres.tables[0]];
  if (a === undefined || b === undefined) throw new Error('api bench: a run gave no table');
  const rows = a.rows.map((row, i) => {
    const [measure, left, target] = row;
    const right = b.rows[i]?.[1] ?? null;
    const ratio = typeof left === 'number' && typeof right === 'number' && left !== 0 ? right / left : null;
    return [measure ?? null, left ?? null, right, ratio, target ?? null];
  });
  return {
    name: 'api',
    tables: [
      {
        title: 'API benchmark, SQLite and PostgreSQL (one run each, side by side)',
        columns: ['measure', 'sqlite', 'postgres', 'postgres / sqlite', 'target'],
        rows,
        note: a.note,
      },
    ],
    data: { sqlite: sqlite.data, postgres: postgres.data },
  };
}

const run: Runner = async (args) => {
  const store = optionValue(args, '--store') ?? 'sqlite';
  if (store === 'sqlite' || store === 'postgres') return runOn(args, store);
  if (store !== 'both') throw new Error(`--store: sqlite, postgres or both, not ${store}`);
  return sideBySide(await runOn(args, 'sqlite'), await runOn(args, 'postgres'));
};

export default run;
