/**
 * `npm run bench -- load [--seconds 60] [--connections 64] [--seed-articles 3000] [--ingest-articles 3000] [--json]`
 * A bounded load test on loopback: a server process on a temporary database seeded with the demo
 * corpus and synthetic articles, driven by autocannon with mixed single and batch lookups while a
 * second process ingests more synthetic articles into the same database, batch after batch of
 * `--ingest-articles` until the load ends, so lookups meet an ingest all along. Samples the server's
 * resident memory every second (Linux /proc). Target: zero errors, no 5xx, flat memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { syntheticArticleLines } from '../lib/synthetic-articles.js';
import { seededRandom } from '../lib/seeded-random.js';
import type { Report, Runner } from '../report.js';

const CLI = fileURLToPath(new URL('../../src/server/cli.ts', import.meta.url));
const DEMO_CORPUS = fileURLToPath(new URL('../../data/demo/articles.jsonl', import.meta.url));
const SEED = 23;
/** Memory is judged after this warm-up: caches and JIT fill the first seconds. */
const WARM_UP_SECONDS = 10;

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: not a positive number`);
  return value;
}

/** A CLI process; its output is drained (a full pipe would stall it) and read only for the server's URL. */
function cli(args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

function finished(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Resolves with the server's URL once it prints it. */
function serverUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Coverage Lens API: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    server.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
}

function residentMb(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Math.round(Number(kb) / 1024);
  } catch {
    return null;
  }
}

/** Lookup bodies: single headlines (known, reworded, unknown) and batches of 10–50 as listing pages send. */
function lookupBodies(titles: string[], count: number): string[] {
  const random = seededRandom(SEED);
  const pick = () => titles[Math.floor(random() * titles.length)] ?? 'Headline';
  const item = () => {
    const roll = random();
    if (roll < 0.5) return { title: pick() };
    if (roll < 0.8) return { title: `${pick()} — latest`, publishedAt: '2025-01-02T00:00:00Z' };
    return { title: `Unrelated headline number ${Math.floor(random() * 1e6)}` };
  };
  return Array.from({ length: count }, (_, i) => {
    const size = i % 4 === 3 ? 10 + Math.floor(random() * 41) : 1;
    return JSON.stringify({ items: Array.from({ length: size }, item) });
  });
}

const run: Runner = async (args) => {
  const seconds = option(args, '--seconds', 60);
  const connections = option(args, '--connections', 64);
  const seedArticles = option(args, '--seed-articles', 3000);
  const ingestArticles = option(args, '--ingest-articles', 3000);
  const dir = mkdtempSync(join(tmpdir(), 'coverage-lens-load-'));
  const db = join(dir, 'load.db');
  const children: ChildProcess[] = [];
  try {
    const seed = [...syntheticArticleLines(seedArticles, { seed: SEED })];
    writeFileSync(join(dir, 'seed.jsonl'), `${readFileSync(DEMO_CORPUS, 'utf8')}${seed.join('\n')}\n`);
    console.error(`load: seeding ${seedArticles} synthetic articles and the demo corpus…`);
    const seeding = cli(['ingest', '--db', db, join(dir, 'seed.jsonl')]);
    children.push(seeding);
    if ((await finished(seeding)) !== 0) throw new Error('seeding the database failed');

    const server = cli(['serve', '--db', db, '--host', '127.0.0.1', '--port', '0']);
    children.push(server);
    const url = await serverUrl(server);
    const titles = [...readFileSync(DEMO_CORPUS, 'utf8').split('\n'), ...seed]
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { title: string }).title);
    const bodies = lookupBodies(titles, 400);

    const samples: number[] = [];
    const sampler = setInterval(() => {
      const mb = server.pid === undefined ? null : residentMb(server.pid);
      if (mb !== null) samples.push(mb);
    }, 1000);
    const start = server.pid === undefined ? null : residentMb(server.pid);
    if (start !== null) samples.push(start);

    console.error(
      `load: ${connections} connections for ${seconds} s against ${url}, ingesting ${ingestArticles} articles a run meanwhile…`,
    );
    const loadAtStart = loadavg()[0] ?? 0;
    let loading = true;
    const ingestRuns = { done: 0, failed: 0 };
    // Fresh synthetic articles for each run (their ids and URLs continue), written before it starts.
    const ingestAll = async () => {
      for (let run = 0; loading; run += 1) {
        const file = join(dir, `more-${run}.jsonl`);
        const offset = seedArticles + run * ingestArticles;
        const lines = [...syntheticArticleLines(ingestArticles, { seed: SEED + 1 + run, offset })];
        writeFileSync(file, `${lines.join('\n')}\n`);
        const ingest = cli(['ingest', '--db', db, file]);
        children.push(ingest);
        const code = await finished(ingest);
        // Killed when the load ended: not a failure.
        if (!loading) break;
        if (code === 0) ingestRuns.done += 1;
        else ingestRuns.failed += 1;
      }
    };
    const ingesting = ingestAll();
    const result = await autocannon({
      url: `${url}/v1/lookup`,
      connections,
      duration: seconds,
      requests: bodies.map((body) => ({
        method: 'POST' as const,
        path: '/v1/lookup',
        headers: { 'content-type': 'application/json' },
        body,
      })),
    });
    clearInterval(sampler);
    loading = false;
    const loadAtEnd = loadavg()[0] ?? 0;
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await ingesting;
    const ingestState = `${ingestRuns.done} runs of ${ingestArticles} articles finished, ${ingestRuns.failed} failed, one cut off at the end`;

    const settled = samples.slice(Math.min(WARM_UP_SECONDS, Math.floor(samples.length / 2)));
    const rss = {
      start: samples[0] ?? null,
      afterWarmUp: settled[0] ?? null,
      end: samples.at(-1) ?? null,
      max: samples.length > 0 ? Math.max(...samples) : null,
    };
    const data = {
      seconds,
      connections,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      rssMb: rss,
      ingest: { articlesPerRun: ingestArticles, ...ingestRuns },
      load: { start: loadAtStart, end: loadAtEnd, cpus: cpus().length },
    };
    const report: Report = {
      name: 'load',
      data,
      tables: [
        {
          title: `Load: ${connections} connections, ${seconds} s, mixed single and batch lookups during an ingest`,
          columns: [
            'requests',
            'req/s',
            'errors',
            'timeouts',
            'non-2xx',
            'p50 ms',
            'p99 ms',
            'RSS start MB',
            'RSS after warm-up',
            'RSS end MB',
            'RSS max MB',
          ],
          rows: [
            [
              result.requests.total,
              Math.round(result.requests.average),
              result.errors,
              result.timeouts,
              result.non2xx,
              result.latency.p50,
              result.latency.p99,
              rss.start,
              rss.afterWarmUp,
              rss.end,
              rss.max,
            ],
          ],
          note: `Seeded with ${seedArticles} synthetic articles + the demo corpus; ingest all along: ${ingestState}. Loopback only; 1 batch in 4 carries 10–50 items. Machine load average ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end, on ${cpus().length} CPUs: autocannon counts an answer slower than 10 s as a timeout error, which a loaded machine can cause.`,
        },
      ],
    };
    return report;
  } finally {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(children.map(finished));
    rmSync(dir, { recursive: true, force: true });
  }
};

export default run;
