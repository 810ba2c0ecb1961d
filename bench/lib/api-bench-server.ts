/**
 * The server side of `npm run bench -- api`, run in its own process so HTTP load does not share a
 * core with the load generator: the API over the bench database on one port, and a trivial Hono
 * route on another for comparison. Talks to the parent over IPC: sends {ready, apiPort, trivialPort,
 * catchUpSeconds}, then answers "rss" with its resident set size.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../src/server/app.js';
import { storyEngineOf } from '../../src/server/stories/engine-of-store.js';
import { openReadStore } from '../../src/server/store/open-store.js';

const dbPath = process.argv[2];
if (dbPath === undefined || process.send === undefined)
  throw new Error('usage: fork with IPC and a DB path or postgres:// URL');

function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<number> {
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve((server.address() as AddressInfo).port),
    );
  });
}

// Read-only, as `serve` gives its routes.
const store = await openReadStore(dbPath);
const started = performance.now();
await storyEngineOf(store);
const catchUpSeconds = (performance.now() - started) / 1000;
const apiPort = await listen(createApp({ store }).fetch);
const trivialPort = await listen(new Hono().post('/v1/lookup', (c) => c.json({ results: [] })).fetch);
process.send({ ready: true, apiPort, trivialPort, catchUpSeconds });
process.on('message', (message) => {
  if (message === 'rss') process.send?.({ rss: process.memoryUsage().rss });
});
