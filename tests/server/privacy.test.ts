/**
 * The API's side of privacy: browsers may call it only from the extension, every answer carries
 * secure headers, and nothing a reader sends (headline, URL, address) ends up in its logs, not
 * even when a request fails inside the server.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/server/store/store.js';
import { tempStore } from './helpers.js';

const HEADLINE = 'Secret ballot reform passes upper house';
const URL_SENT = 'https://coastal-herald.example/news/2026/11/secret-ballot-reform';
const ADDRESS = '203.0.113.77';

let store: Store;
let dispose: () => Promise<void>;
beforeAll(async () => {
  const temp = await tempStore();
  store = temp.store;
  dispose = temp.dispose;
});
afterAll(async () => dispose());
afterEach(() => vi.restoreAllMocks());

const lookupBody = JSON.stringify({ items: [{ title: HEADLINE, url: URL_SENT, description: HEADLINE }] });

function post(app: ReturnType<typeof createApp>, headers: Record<string, string> = {}) {
  return app.request('/v1/lookup', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ADDRESS, ...headers },
    body: lookupBody,
  });
}

describe('CORS', () => {
  it('lets extension origins call the API, and no web page', async () => {
    const app = createApp({ store });
    const preflight = (origin: string) =>
      app.request('/v1/lookup', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    for (const origin of [
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      'moz-extension://4b1f-9c2e',
    ]) {
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBe(origin);
    }
    for (const origin of [
      'https://evil.example',
      'http://localhost:3000',
      'null',
      'chrome-extension://abc.evil.example',
      'https://chrome-extension.evil.example',
    ]) {
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
      expect((await post(app, { origin })).headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('secure headers', () => {
  it('are on API answers, errors included', async () => {
    const app = createApp({ store });
    for (const response of [
      await post(app),
      await app.request('/healthz'),
      await app.request('/v1/nothing'),
    ]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    }
  });
});

describe('logs', () => {
  /** Everything written to the console or the process's output while `run` runs. */
  async function captured(run: () => Promise<void>): Promise<string> {
    const lines: string[] = [];
    const record = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      vi.spyOn(console, method).mockImplementation(record);
    }
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (record(chunk), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (record(chunk), true));
    await run();
    vi.restoreAllMocks();
    return lines.join('\n');
  }

  it('hold no headline, URL or address, even when the server fails on a request', async () => {
    // A store that fails with the request's content in its message, as a driver error might.
    const failing = new Proxy(store, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function'
          ? () => {
              throw new Error(`query failed for ${HEADLINE} at ${URL_SENT}`);
            }
          : value;
      },
    });
    const output = await captured(async () => {
      const apps = [
        createApp({ store, rateLimit: { perMinute: 1, trustProxy: true } }),
        createApp({ store: failing }),
      ];
      for (const app of apps) {
        for (let i = 0; i < 3; i += 1) await post(app);
        await app.request('/v1/lookup', {
          method: 'POST',
          body: `{"items": [{"title": "${HEADLINE}"`,
          headers: { 'x-forwarded-for': ADDRESS },
        });
        await app.request(`/v1/stories/${encodeURIComponent(URL_SENT)}`, {
          headers: { 'x-forwarded-for': ADDRESS },
        });
      }
      expect((await post(apps[1] as ReturnType<typeof createApp>)).status).toBe(500);
    });
    expect(output).toContain('internal error');
    for (const secret of [HEADLINE, URL_SENT, 'coastal-herald', ADDRESS, '203.0.113']) {
      expect(output).not.toContain(secret);
    }
  });
});
