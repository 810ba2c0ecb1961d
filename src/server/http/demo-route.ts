import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import { apiError } from './api-error.js';

// Only flat, known file names: no path can leave the demo directory.
const DEMO_FILE = /^[a-z0-9][a-z0-9-]*\.(html|css)$/;
const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** `GET /demo/...`: the static demo article pages, so the extension can be tried offline. */
export function demoRoute(pagesDir: string): Hono {
  const app = new Hono();
  app.get('/demo', (c) => c.redirect('/demo/', 301));
  app.get('/demo/:file{.*}', async (c) => {
    const file = c.req.param('file') || 'index.html';
    const match = DEMO_FILE.exec(file);
    if (match === null) return apiError(c, 404, 'not_found', 'no such demo page');
    let body: string;
    try {
      body = await readFile(join(pagesDir, file), 'utf8');
    } catch {
      return apiError(c, 404, 'not_found', 'no such demo page');
    }
    return c.body(body, 200, {
      'content-type': CONTENT_TYPES[match[1] ?? 'html'] ?? 'text/plain',
      'cache-control': 'no-cache',
    });
  });
  return app;
}
