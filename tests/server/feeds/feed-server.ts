/**
 * Serves the feed fixtures on 127.0.0.1 the way real publishers behave: validators and 304s, a 500,
 * a feed that never answers, malformed and non-feed documents. Records each request's conditional
 * headers so tests can see what was asked.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url));

export const BBC_ETAG = '"bbc-v1"';
export const GUARDIAN_LAST_MODIFIED = 'Sun, 15 Sep 2024 12:00:00 GMT';

export interface SeenRequest {
  path: string;
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
}

export interface FeedServer {
  url(path: string): string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

type Route = (req: IncomingMessage, res: ServerResponse) => void;

const send =
  (name: string, type: string, headers: Record<string, string> = {}): Route =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': type, ...headers });
    res.end(fixture(name));
  };

const ROUTES: Record<string, Route> = {
  '/bbc-news.rss': (req, res) => {
    if (req.headers['if-none-match'] === BBC_ETAG) return void res.writeHead(304).end();
    send('bbc-news.rss', 'application/rss+xml; charset=utf-8', { etag: BBC_ETAG })(req, res);
  },
  '/the-guardian.atom': (req, res) => {
    if (req.headers['if-modified-since'] === GUARDIAN_LAST_MODIFIED) return void res.writeHead(304).end();
    send('the-guardian.atom', 'application/atom+xml', { 'last-modified': GUARDIAN_LAST_MODIFIED })(req, res);
  },
  '/fox-news.json': send('fox-news.json', 'application/feed+json'),
  '/le-monde.rss': send('latin1.rss', 'application/rss+xml'),
  '/malformed.rss': send('malformed.rss', 'application/rss+xml'),
  '/moved.html': send('not-a-feed.html', 'text/html'),
  '/error': (_req, res) => void res.writeHead(500, { 'content-type': 'text/plain' }).end('boom'),
  // Never answers: the reader's timeout must end it.
  '/hang': () => undefined,
};

export async function startFeedServer(): Promise<FeedServer> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({
      path,
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
    });
    const route = ROUTES[path];
    if (route === undefined) return void res.writeHead(404).end();
    route(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
