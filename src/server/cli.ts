/**
 * The `coverage-lens` command: serve the API, ingest corpora, migrate the database.
 * Exit codes: 0 done, 1 failed (bad file, bad data), 2 bad usage or not available yet.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { databaseLabel, databaseTarget } from './cli/database-target.js';
import { feedRunText, ingestSummaryText } from './cli/ingest-summary-text.js';
import { jsonLinesSize } from './cli/json-lines-size.js';
import { ProgressDisplay } from './cli/progress-display.js';
import { feedTargets, loadFeedList } from './feeds/feed-list.js';
import { ingestFeeds, type FeedRunSummary } from './feeds/ingest-feeds.js';
import { pollFeeds } from './feeds/poll-feeds.js';
import { readFeedFile } from './feeds/read-feed-file.js';
import { openFeedHealthStore } from './feeds/open-feed-health-store.js';
import { ingestLines, type IngestSummary } from './ingest/ingest-articles.js';
import { JSON_LINES_FILE, readLines } from './ingest/read-lines.js';
import { EXTENSION_DIR, FEEDS_FILE } from './paths.js';
import { startServer } from './start-server.js';
import { importRatingsInto } from './ratings/import-ratings-file.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';

const USAGE = `usage:
  coverage-lens serve  [--db PATH] [--host 127.0.0.1] [--port 8787] [--demo]
                       [--feeds [--feeds-interval MIN] [--feeds-file PATH]]
                       [--rate-limit PER_MINUTE [--trust-proxy]]
  coverage-lens ingest [--db PATH] (--feeds [--feeds-file PATH] | [--batch-size N] FILE...)
                       FILE: RSS, Atom or JSON Feed, or JSON Lines (.jsonl, .jsonl.gz)
  coverage-lens import-ratings [--db PATH] FILE     FILE: ratings as CSV or JSON (docs/ratings.md)
  coverage-lens migrate [--db PATH]
--db PATH is a SQLite file (default ./.data/coverage.db) or a postgres:// URL; without --db,
DATABASE_URL=postgres://… picks PostgreSQL.`;

class UsageError extends Error {}

const COMMON_OPTIONS = {
  db: { type: 'string' },
  feeds: { type: 'boolean', default: false },
  'feeds-file': { type: 'string', default: FEEDS_FILE },
} as const;

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function positiveNumber(option: string, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new UsageError(`--${option}: not a positive number: ${value}`);
  return number;
}

/** One pass over the feed list into the store at `database`, health records beside it. */
async function runFeeds(
  store: Store,
  database: string,
  feedsFile: string,
  progress: ProgressDisplay | null,
  signal?: AbortSignal,
): Promise<FeedRunSummary> {
  const targets = feedTargets(await loadFeedList(feedsFile));
  const health = openFeedHealthStore(database);
  try {
    return await ingestFeeds({
      store,
      health,
      targets,
      signal,
      onFeed: (_result, done, total) => progress?.update(done, done / total),
    });
  } finally {
    await health.close();
  }
}

async function serveCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    ...COMMON_OPTIONS,
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8787' },
    demo: { type: 'boolean', default: false },
    'feeds-interval': { type: 'string', default: '15' },
    'rate-limit': { type: 'string' },
    'trust-proxy': { type: 'boolean', default: false },
  } as const);
  if (positionals.length > 0) throw new UsageError(`serve takes no files: ${positionals.join(' ')}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port: not a port number: ${values.port}`);
  const intervalMs = positiveNumber('feeds-interval', values['feeds-interval']) * 60_000;
  const perMinute =
    values['rate-limit'] === undefined ? undefined : positiveNumber('rate-limit', values['rate-limit']);
  if (values.feeds) await loadFeedList(values['feeds-file']);
  const database = databaseTarget(values.db, process.env.DATABASE_URL);
  const server = await startServer({
    dbPath: database,
    host: values.host,
    port,
    demo: values.demo,
    rateLimit: perMinute === undefined ? undefined : { perMinute, trustProxy: values['trust-proxy'] },
  });
  console.log(`Coverage Lens API: ${server.url}  (OpenAPI: ${server.url}/openapi.json)`);
  console.log(`Database: ${databaseLabel(database)}`);
  console.log(`Demo article pages: ${server.url}/demo/`);
  console.log(
    existsSync(resolve(EXTENSION_DIR, 'manifest.json'))
      ? `Extension built in dist/chrome — load it in Chrome: chrome://extensions → Developer mode → Load unpacked → choose ${EXTENSION_DIR}`
      : 'Extension not built yet: run npm run build',
  );
  // Feeds are written through a connection of their own, so lookups never wait inside its transactions.
  const feedStore = values.feeds ? await openStore(database) : null;
  const poller =
    feedStore === null
      ? null
      : pollFeeds(
          async (signal) => {
            const summary = await runFeeds(feedStore, database, values['feeds-file'], null, signal);
            console.log(`feeds: ${feedRunText(summary)}`);
          },
          intervalMs,
          (error) => console.error(`feeds: run failed: ${(error as Error).message}`),
        );
  if (poller !== null)
    console.log(`Feeds: ingesting ${values['feeds-file']} now and every ${values['feeds-interval']} min`);
  const stop = () => {
    Promise.resolve(poller?.stop())
      .then(() => feedStore?.close())
      .then(() => server.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** A JSON Lines file, with progress by bytes read against the file's (uncompressed) size. */
async function ingestJsonLines(store: Store, file: string, batchSize: number): Promise<IngestSummary> {
  const total = await jsonLinesSize(file);
  const progress = new ProgressDisplay({ label: file, unit: 'lines' });
  let bytes = 0;
  let lines = 0;
  async function* counted(): AsyncGenerator<string> {
    for await (const line of readLines(file)) {
      bytes += Buffer.byteLength(line) + 1;
      lines += 1;
      progress.update(lines, total ? bytes / total : null);
      yield line;
    }
  }
  const summary = await ingestLines(store, counted(), { batchSize });
  progress.finish(ingestSummaryText(summary));
  return summary;
}

async function ingestFeedFile(store: Store, file: string): Promise<IngestSummary> {
  const records = await readFeedFile(file);
  const summary = await ingestLines(
    store,
    records.map((record) => JSON.stringify(record)),
  );
  new ProgressDisplay({ label: file, unit: 'items' }).finish(ingestSummaryText(summary));
  return summary;
}

/** Human progress and summaries go to stderr; stdout gets one JSON summary per source, for scripts. */
async function ingestCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    ...COMMON_OPTIONS,
    // Lines per transaction: what a killed run can lose, and what a re-run fetches again.
    'batch-size': { type: 'string', default: '1000' },
  } as const);
  const batchSize = positiveNumber('batch-size', values['batch-size']);
  if (values.feeds && positionals.length > 0)
    throw new UsageError(`ingest --feeds takes no FILE: ${positionals.join(' ')}`);
  if (!values.feeds && positionals.length === 0)
    throw new UsageError('ingest needs --feeds or at least one FILE');
  for (const file of positionals) {
    if (!existsSync(file)) throw new Error(`${file}: no such file`);
  }
  if (values.feeds) await loadFeedList(values['feeds-file']);
  const database = databaseTarget(values.db, process.env.DATABASE_URL);
  const store = await openStore(database);
  try {
    if (values.feeds) {
      const progress = new ProgressDisplay({ label: 'feeds', unit: 'feeds' });
      const summary = await runFeeds(store, database, values['feeds-file'], progress);
      progress.finish(feedRunText(summary));
      for (const { url, error } of summary.failures) console.error(`  failed: ${url}: ${error}`);
      console.log(`feeds: ${JSON.stringify(summary)}`);
    }
    for (const file of positionals) {
      const summary = JSON_LINES_FILE.test(file)
        ? await ingestJsonLines(store, file, batchSize)
        : await ingestFeedFile(store, file);
      console.log(`${file}: ${JSON.stringify(summary)}`);
    }
  } finally {
    await store.close();
  }
}

async function importRatingsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { db: COMMON_OPTIONS.db });
  const [file, ...more] = positionals;
  if (file === undefined || more.length > 0) throw new UsageError('import-ratings needs exactly one FILE');
  if (!existsSync(file)) throw new Error(`${file}: no such file`);
  console.log(await importRatingsInto(databaseTarget(values.db, process.env.DATABASE_URL), file));
}

async function migrateCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { db: COMMON_OPTIONS.db });
  if (positionals.length > 0) throw new UsageError(`migrate takes no arguments: ${positionals.join(' ')}`);
  const database = databaseTarget(values.db, process.env.DATABASE_URL);
  await (await openStore(database)).close();
  console.log(`${databaseLabel(database)}: schema up to date, outlet directory loaded`);
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  serve: serveCommand,
  ingest: ingestCommand,
  migrate: migrateCommand,
  'import-ratings': importRatingsCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    console.error(`coverage-lens: unknown command ${name}\n${USAGE}`);
    return 2;
  }
  try {
    await command(args);
    return 0;
  } catch (error) {
    console.error(`coverage-lens ${name}: ${(error as Error).message}`);
    if (error instanceof UsageError) {
      console.error(USAGE);
      return 2;
    }
    return 1;
  }
}

const code = await main(process.argv.slice(2));
// `serve` keeps running until a signal; the other commands end here.
if (code !== 0) process.exit(code);
