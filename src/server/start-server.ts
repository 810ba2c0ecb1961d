import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import type { RateLimitOptions } from './http/rate-limit.js';
import { ingestLines } from './ingest/ingest-articles.js';
import { readLines } from './ingest/read-lines.js';
import { DEFAULT_DB_PATH, DEMO_CORPUS_FILE, DEMO_PAGES_DIR } from './paths.js';
import { openRatingsStore } from './ratings/open-ratings-store.js';
import { openReadStore, openStore } from './store/open-store.js';

export interface ServerOptions {
  /** A SQLite file, or a postgres:// URL. */
  dbPath?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Ingest the demo corpus (idempotent) before serving. */
  demo?: boolean;
  /** Per-client limit on the API; none without it. */
  rateLimit?: RateLimitOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Opens and migrates the store, optionally ingests the demo corpus, and serves the API. The routes
 * get handles that cannot write (issue #8): only migrations and the demo ingest use the writable one.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const dbPath = options.dbPath ?? DEFAULT_DB_PATH;
  const store = await openStore(dbPath);
  const opened: { close(): Promise<void> }[] = [store];
  const closeAll = async () => void (await Promise.all(opened.map((handle) => handle.close())));
  try {
    if (options.demo) await ingestLines(store, readLines(DEMO_CORPUS_FILE));
    const readStore = await openReadStore(dbPath);
    opened.push(readStore);
    const importedRatings = openRatingsStore(dbPath, { readOnly: true });
    opened.push(importedRatings);
    const app = createApp({
      store: readStore,
      demoPagesDir: DEMO_PAGES_DIR,
      rateLimit: options.rateLimit,
      importedRatings,
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const started = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8787 }, () =>
        resolve(started),
      );
      started.once('error', reject);
    });
    const port = (server.address() as AddressInfo).port;
    const urlHost = host.includes(':') ? `[${host}]` : host;
    return {
      url: `http://${urlHost}:${port}`,
      port,
      close: async () => {
        await new Promise<void>((resolve, reject) =>
          server.close((error) => (error ? reject(error) : resolve())),
        );
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
