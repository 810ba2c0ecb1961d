/**
 * The `coverage-lens` command: serve the API, ingest corpora, migrate the database.
 * Exit codes: 0 done, 1 failed (bad file, bad data), 2 bad usage or not available yet.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ingestLines } from './ingest/ingest-articles.js';
import { JSON_LINES_FILE, readLines } from './ingest/read-lines.js';
import { DEFAULT_DB_PATH, EXTENSION_DIR } from './paths.js';
import { startServer } from './start-server.js';
import { openStore } from './store/open-store.js';

const USAGE = `usage:
  coverage-lens serve  [--db PATH] [--host 127.0.0.1] [--port 8787] [--demo]
  coverage-lens ingest [--db PATH] FILE...        FILE: JSON Lines (.jsonl or .jsonl.gz)
  coverage-lens migrate [--db PATH]`;

class UsageError extends Error {}

const COMMON_OPTIONS = {
  db: { type: 'string', default: DEFAULT_DB_PATH },
  feeds: { type: 'boolean', default: false },
} as const;

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function refuseFeeds(feeds: boolean): void {
  if (feeds) throw new UsageError('--feeds is not available yet: feed ingest comes in a later version');
}

async function serveCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    ...COMMON_OPTIONS,
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8787' },
    demo: { type: 'boolean', default: false },
  } as const);
  refuseFeeds(values.feeds);
  if (positionals.length > 0) throw new UsageError(`serve takes no files: ${positionals.join(' ')}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port: not a port number: ${values.port}`);
  const server = await startServer({
    dbPath: values.db,
    host: values.host,
    port,
    demo: values.demo,
  });
  console.log(`Coverage Lens API: ${server.url}  (OpenAPI: ${server.url}/openapi.json)`);
  console.log(`Demo article pages: ${server.url}/demo/`);
  console.log(
    existsSync(resolve(EXTENSION_DIR, 'manifest.json'))
      ? `Extension built in dist/chrome — load it in Chrome: chrome://extensions → Developer mode → Load unpacked → choose ${EXTENSION_DIR}`
      : 'Extension not built yet: run npm run build',
  );
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function ingestCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, COMMON_OPTIONS);
  refuseFeeds(values.feeds);
  if (positionals.length === 0) throw new UsageError('ingest needs at least one FILE');
  for (const file of positionals) {
    if (!JSON_LINES_FILE.test(file))
      throw new UsageError(`${file}: only JSON Lines (.jsonl, .jsonl.gz) can be ingested yet`);
    if (!existsSync(file)) throw new Error(`${file}: no such file`);
  }
  const store = await openStore(values.db);
  try {
    for (const file of positionals) {
      const summary = await ingestLines(store, readLines(file));
      console.log(`${file}: ${JSON.stringify(summary)}`);
    }
  } finally {
    await store.close();
  }
}

async function migrateCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { db: COMMON_OPTIONS.db });
  if (positionals.length > 0) throw new UsageError(`migrate takes no arguments: ${positionals.join(' ')}`);
  const store = await openStore(values.db);
  await store.close();
  console.log(`${values.db}: schema up to date, outlet directory loaded`);
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  serve: serveCommand,
  ingest: ingestCommand,
  migrate: migrateCommand,
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
