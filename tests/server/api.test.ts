import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, LookupResponse, Story } from '../../src/core/contract.js';
import { createApp } from '../../src/server/app.js';
import { ingestLines } from '../../src/server/ingest/ingest-articles.js';
import { readLines } from '../../src/server/ingest/read-lines.js';
import { DEMO_CORPUS_FILE, DEMO_PAGES_DIR } from '../../src/server/paths.js';
import { tempStore } from './helpers.js';

const RUSSIA_URL =
  'https://www.theguardian.com/world/2025/aug/05/russia-quits-european-anti-torture-convention-putin-signs-law';

let app: ReturnType<typeof createApp>;
let dispose: () => Promise<void>;
beforeAll(async () => {
  const temp = await tempStore();
  dispose = temp.dispose;
  await ingestLines(temp.store, readLines(DEMO_CORPUS_FILE));
  app = createApp({ store: temp.store, demoPagesDir: DEMO_PAGES_DIR });
});
afterAll(async () => dispose());

function post(body: unknown, init: RequestInit = {}) {
  return app.request('/v1/lookup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
}

async function lookup(items: unknown[]) {
  const response = await post({ items });
  expect(response.status).toBe(200);
  return LookupResponse.parse(await response.json()).results;
}

async function errorOf(response: Response, status: number) {
  expect(response.status).toBe(status);
  return ApiError.parse(await response.json()).error;
}

describe('POST /v1/lookup', () => {
  it('matches by canonical URL, tracking parameters and all', async () => {
    const [result] = await lookup([{ title: 'anything', url: `${RUSSIA_URL}?utm_source=twitter#comments` }]);
    expect(result?.matchedBy).toBe('url');
    expect(result?.score).toBe(1);
    expect(result?.story).toMatchObject({ sourceCount: 31, blindspot: 'right' });
    expect(result?.story?.distribution).toEqual({ left: 23, center: 3, right: 2, unrated: 3 });
  });

  it('matches by headline text when the URL is unknown', async () => {
    const [result] = await lookup([
      {
        title: 'Death toll rises in Texas Hill Country flash floods as Camp Mystic search goes on',
        url: 'https://www.reuters.com/world/us/death-toll-rises-texas-hill-country-floods-2025-07-05/',
        publishedAt: '2025-07-05T12:00:00Z',
      },
    ]);
    expect(result?.matchedBy).toBe('text');
    expect(result?.score).toBeGreaterThanOrEqual(0.35);
    expect(result?.story?.title).toMatch(/Texas|Kerr|Guadalupe/);
  });

  it('respects the time window when the item has a publication time', async () => {
    const title = 'Putin withdraws Russia from the European torture prevention convention';
    const [near] = await lookup([{ title, publishedAt: '2025-08-06T12:00:00Z' }]);
    const [far] = await lookup([{ title, publishedAt: '2025-12-01T12:00:00Z' }]);
    expect(near?.matchedBy).toBe('text');
    expect(far).toEqual({ story: null, matchedBy: null, score: null });
  });

  it('looks for an item without a time around now: the newest story indexed', async () => {
    const [recent, old] = await lookup([
      { title: 'Zohran Mamdani wins New York City mayoral race' },
      { title: 'Robert Prevost elected Pope Leo XIV, the first American pope' },
    ]);
    expect(recent?.story?.title).toMatch(/Mamdani/);
    expect(old).toEqual({ story: null, matchedBy: null, score: null });
  });

  it('answers no match rather than a wrong story', async () => {
    const [result] = await lookup([{ title: 'Town council approves new bicycle lanes on Main Street' }]);
    expect(result).toEqual({ story: null, matchedBy: null, score: null });
  });

  it('answers a batch in the order of its items', async () => {
    const results = await lookup([
      { title: 'Town council approves new bicycle lanes on Main Street' },
      { title: 'x', url: RUSSIA_URL },
      {
        title: 'Robert Prevost elected Pope Leo XIV, the first American pope',
        publishedAt: '2025-05-09T08:00:00Z',
      },
      { title: 'Zohran Mamdani wins New York City mayoral race' },
    ]);
    expect(results.map((r) => r.matchedBy)).toEqual([null, 'url', 'text', 'text']);
    expect(results[2]?.story?.title).toMatch(/Leo XIV/);
    expect(results[3]?.story?.title).toMatch(/Mamdani/);
  });

  it('answers 400 for a body that is not JSON', async () => {
    expect((await errorOf(await post('{"items": ['), 400)).code).toBe('invalid_json');
  });

  it('answers 422 naming the field for schema failures', async () => {
    const cases: [unknown, string][] = [
      [{ items: [{}] }, 'items.0.title'],
      [{ items: [{ title: 'ok' }, { title: 'x'.repeat(501) }] }, 'items.1.title'],
      [{ items: [{ title: '   ' }] }, 'items.0.title'],
      [{ items: Array.from({ length: 51 }, () => ({ title: 'a' })) }, 'items'],
      [{ items: [] }, 'items'],
      [{ items: [{ title: 'ok', url: 'not a url' }] }, 'items.0.url'],
      [{ items: [{ title: 'ok', url: 'javascript:alert(1)' }] }, 'items.0.url'],
      [{ items: [{ title: 'ok', publishedAt: 'yesterday' }] }, 'items.0.publishedAt'],
      [{}, 'items'],
    ];
    for (const [body, field] of cases) {
      const error = await errorOf(await post(body), 422);
      expect([error.code, error.field]).toEqual(['invalid_request', field]);
    }
    expect((await errorOf(await post([1]), 422)).code).toBe('invalid_request');
  });

  it('answers 413 for a body over the limit', async () => {
    const huge = JSON.stringify({ items: [{ title: 'a', description: 'x'.repeat(300 * 1024) }] });
    expect((await errorOf(await post(huge), 413)).code).toBe('payload_too_large');
  });

  it('allows CORS for extension origins only', async () => {
    const fromExtension = await post(
      { items: [{ title: 'a' }] },
      {
        headers: { 'content-type': 'application/json', origin: 'chrome-extension://abcdefghijklmnop' },
      },
    );
    expect(fromExtension.headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://abcdefghijklmnop',
    );
    const fromPage = await post(
      { items: [{ title: 'a' }] },
      {
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      },
    );
    expect(fromPage.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GET /v1/stories/:id', () => {
  it('returns the story with its articles', async () => {
    const [result] = await lookup([{ title: 'x', url: RUSSIA_URL }]);
    const response = await app.request(`/v1/stories/${result?.story?.id ?? ''}`);
    expect(response.status).toBe(200);
    const story = Story.parse(await response.json());
    expect(story.articles).toHaveLength(31);
    const guardian = story.articles.find((a) => a.url === RUSSIA_URL);
    expect(guardian?.outlet).toEqual({
      id: 'the-guardian',
      name: 'The Guardian',
      domain: 'theguardian.com',
      lean: 'lean-left',
    });
    expect(story.articles.every((a) => a.url?.startsWith('https://'))).toBe(true);
  });

  it('answers 404 JSON for an unknown story', async () => {
    expect((await errorOf(await app.request('/v1/stories/st_nope'), 404)).code).toBe('not_found');
  });
});

describe('GET /v1/outlets/:domain', () => {
  it('returns the outlet with its ratings, from a host or a domain', async () => {
    const response = await app.request('/v1/outlets/www.bbc.co.uk');
    expect(response.status).toBe(200);
    const outlet = (await response.json()) as { id: string; lean: string; ratings: { rater: string }[] };
    expect(outlet.id).toBe('bbc-news');
    expect(outlet.lean).toBe('center');
    expect(outlet.ratings[0]?.rater).toBe('coverage-lens');
  });

  it('shows unrated outlets as unrated', async () => {
    const outlet = (await (await app.request('/v1/outlets/kyivindependent.com')).json()) as { lean: unknown };
    expect(outlet.lean).toBeNull();
  });

  it('answers 404 for an unknown domain and 422 for a malformed one', async () => {
    expect((await errorOf(await app.request('/v1/outlets/unknown-news.example'), 404)).code).toBe(
      'not_found',
    );
    expect((await errorOf(await app.request('/v1/outlets/not_a_domain'), 422)).field).toBe('domain');
  });
});

describe('service routes', () => {
  it('GET /healthz', async () => {
    const response = await app.request('/healthz');
    expect(await response.json()).toEqual({ ok: true });
  });

  it('GET /openapi.json describes the contract', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/lookup', '/v1/stories/{id}', '/v1/outlets/{domain}']),
    );
    expect(doc.components.schemas.LookupRequest?.properties).toHaveProperty('items');
    expect(doc.components.schemas.StorySummary?.properties).toHaveProperty('blindspot');
    // The rate limiter answers on every /v1 route.
    for (const [path, methods] of Object.entries(doc.paths).filter(([path]) => path.startsWith('/v1/')))
      for (const operation of Object.values(methods))
        expect(Object.keys(operation.responses), path).toContain('429');
  });

  it('answers 404 JSON for an unknown route, with secure headers', async () => {
    const response = await app.request('/v2/nothing');
    expect((await errorOf(response, 404)).code).toBe('not_found');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('demo pages', () => {
  it('serves the index linking the pages', async () => {
    const response = await app.request('/demo/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('href="russia-torture-convention.html"');
    expect((await app.request('/demo')).status).toBe(301);
  });

  it('serves the Russia page with its headline and canonical URL, under a strict CSP', async () => {
    const response = await app.request('/demo/russia-torture-convention.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    const page = new new Window().DOMParser().parseFromString(await response.text(), 'text/html');
    const headline = 'Russia quits European anti-torture convention as Putin signs withdrawal law';
    expect(page.querySelector('h1')?.textContent).toBe(headline);
    expect(page.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(headline);
    const jsonLd = JSON.parse(page.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}');
    expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', headline });
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(RUSSIA_URL);
    expect(page.querySelectorAll('script:not([type="application/ld+json"])')).toHaveLength(0);
  });

  it('serves only known flat file names', async () => {
    expect((await app.request('/demo/demo.css')).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await app.request('/demo/missing.html')).status).toBe(404);
    expect((await app.request('/demo/..%2Fapp.ts')).status).toBe(404);
    expect((await app.request('/demo/../README.md')).status).toBe(404);
  });
});
