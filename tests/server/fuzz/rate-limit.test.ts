import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/core/contract.js';
import { createApp } from '../../../src/server/app.js';
import type { RateLimitOptions } from '../../../src/server/http/rate-limit.js';
import type { Store } from '../../../src/server/store/store.js';

// The limiter stands before routing: requests to a route that does not exist show it without a store.
const store = {} as Store;

function appWith(limit: Partial<RateLimitOptions>) {
  let time = 0;
  const app = createApp({ store, rateLimit: { perMinute: 60, burst: 2, now: () => time, ...limit } });
  return {
    advance: (ms: number) => void (time += ms),
    get: (path = '/v1/no-such-route', headers: Record<string, string> = {}, address = '203.0.113.7') =>
      app.request(path, { headers }, { incoming: { socket: { remoteAddress: address } } }),
  };
}

describe('rate limit', () => {
  it('answers 429 with Retry-After and the JSON error once a client spends its burst', async () => {
    const { get, advance } = appWith({});
    expect((await get()).status).toBe(404);
    expect((await get()).status).toBe(404);
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(ApiError.parse(await limited.json()).error.code).toBe('rate_limited');
    advance(1_000); // 60 a minute: one token a second
    expect((await get()).status).toBe(404);
    expect((await get()).status).toBe(429);
  });

  it('counts each client apart, an IPv6 /64 as one client', async () => {
    const { get } = appWith({ burst: 1 });
    expect((await get('/v1/no-such-route', {}, '198.51.100.1')).status).toBe(404);
    expect((await get('/v1/no-such-route', {}, '198.51.100.2')).status).toBe(404);
    expect((await get('/v1/no-such-route', {}, '198.51.100.1')).status).toBe(429);
    expect((await get('/v1/no-such-route', {}, '2001:db8:1:2::1')).status).toBe(404);
    expect((await get('/v1/no-such-route', {}, '2001:db8:1:2:ffff::9')).status).toBe(429);
    expect((await get('/v1/no-such-route', {}, '2001:db8:1:3::1')).status).toBe(404);
  });

  it('ignores X-Forwarded-For unless told to trust a proxy, then reads the entry the proxy added', async () => {
    const direct = appWith({ burst: 1 });
    expect((await direct.get('/v1/no-such-route', { 'x-forwarded-for': '192.0.2.1' })).status).toBe(404);
    expect((await direct.get('/v1/no-such-route', { 'x-forwarded-for': '192.0.2.2' })).status).toBe(429);

    const proxied = appWith({ burst: 1, trustProxy: true });
    const via = (chain: string) => proxied.get('/v1/no-such-route', { 'x-forwarded-for': chain }, '10.0.0.1');
    expect((await via('192.0.2.1')).status).toBe(404);
    expect((await via('192.0.2.2')).status).toBe(404);
    // A client cannot dodge the limit by prepending addresses of its own.
    expect((await via('6.6.6.6, 192.0.2.1')).status).toBe(429);
  });

  it('limits only the API, and forgets the least recent clients past its bound', async () => {
    const { get } = appWith({ burst: 1, maxClients: 2 });
    for (let i = 0; i < 3; i += 1) expect((await get('/healthz')).status).toBe(200);
    expect((await get('/v1/no-such-route', {}, '192.0.2.1')).status).toBe(404);
    expect((await get('/v1/no-such-route', {}, '192.0.2.2')).status).toBe(404);
    expect((await get('/v1/no-such-route', {}, '192.0.2.3')).status).toBe(404);
    // 192.0.2.1 was forgotten when the third client came: it starts with a full bucket again.
    expect((await get('/v1/no-such-route', {}, '192.0.2.1')).status).toBe(404);
    expect((await get('/v1/no-such-route', {}, '192.0.2.3')).status).toBe(429);
  });

  it('is off unless configured', async () => {
    const app = createApp({ store });
    for (let i = 0; i < 100; i += 1) expect((await app.request('/v1/no-such-route')).status).toBe(404);
  });
});
