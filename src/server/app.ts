/** The lookup API as a Hono app. No I/O happens at import or creation: the store and files come in. */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { apiError } from './http/api-error.js';
import { demoRoute } from './http/demo-route.js';
import { lookupRoute } from './http/lookup-route.js';
import { openApiDocument } from './http/openapi.js';
import { outletsRoute } from './http/outlets-route.js';
import { rateLimit, type RateLimitOptions } from './http/rate-limit.js';
import { storiesRoute } from './http/stories-route.js';
import type { RatingsStore } from './ratings/ratings-store.js';
import type { Store } from './store/store.js';

export interface AppOptions {
  store: Store;
  /** Directory of the demo pages served under `/demo/`; no demo routes without it. */
  demoPagesDir?: string;
  /** Ratings loaded with `import-ratings`, shown by `GET /v1/outlets/:domain`. */
  importedRatings?: Pick<RatingsStore, 'ratingsFor'>;
  /** Per-client limit on `/v1`; off without it (a local single-user server needs none). */
  rateLimit?: RateLimitOptions;
}

// Only the extension calls the API from a browser; web pages get no CORS access.
const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/;

export function createApp({ store, demoPagesDir, rateLimit: limit, importedRatings }: AppOptions): Hono {
  const app = new Hono();
  app.use(
    secureHeaders({
      // Demo pages carry no scripts: JSON-LD is data, and styles come from one same-origin file.
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
    }),
  );
  app.use(
    '/v1/*',
    cors({
      origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Content-Type'],
      maxAge: 600,
    }),
  );
  // After CORS, so that the extension can read a 429.
  if (limit !== undefined) app.use('/v1/*', rateLimit(limit));

  app.route('/v1', lookupRoute(store));
  app.route('/v1', storiesRoute(store));
  app.route('/v1', outletsRoute(store, importedRatings));
  app.get('/healthz', (c) => c.json({ ok: true }));
  const openApi = openApiDocument();
  app.get('/openapi.json', (c) => c.json(openApi));
  if (demoPagesDir !== undefined) app.route('/', demoRoute(demoPagesDir));

  app.notFound((c) => apiError(c, 404, 'not_found', 'no such route'));
  app.onError((error, c) => {
    // A body that broke off (the client left, or sent malformed chunks) fails its read: no server fault.
    if (c.req.raw.signal.aborted) return apiError(c, 400, 'aborted', 'the request broke off');
    // The error's name only: messages may quote request content, which is never logged.
    console.error(`internal error: ${error.name}`);
    return apiError(c, 500, 'internal', 'internal error');
  });
  return app;
}
