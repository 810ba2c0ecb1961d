/**
 * Thousands of generated malformed requests against the app in process: none may answer 5xx or
 * reach the error handler, and every /v1 error is the contract's JSON error shape.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, LookupResponse } from '../../../src/core/contract.js';
import { createApp } from '../../../src/server/app.js';
import { ingestLines } from '../../../src/server/ingest/ingest-articles.js';
import { readLines } from '../../../src/server/ingest/read-lines.js';
import { DEMO_CORPUS_FILE, DEMO_PAGES_DIR } from '../../../src/server/paths.js';
import { storeKinds, tempStoreOf } from '../helpers.js';
import { FUZZ_KINDS, malformedRequests } from './malformed-requests.js';

const SEED = 20_240_915;
const COUNT = 3_000;

// Both stores: a request can reach each one's queries (PostgreSQL refuses some text SQLite takes).
describe.each(storeKinds())('the API under malformed input, %s store', { timeout: 120_000 }, (kind) => {
  let app: ReturnType<typeof createApp>;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const temp = await tempStoreOf(kind);
    dispose = temp.dispose;
    await ingestLines(temp.store, readLines(DEMO_CORPUS_FILE));
    // The limiter is on (and generous) so that junk X-Forwarded-For headers go through it too.
    app = createApp({
      store: temp.store,
      demoPagesDir: DEMO_PAGES_DIR,
      rateLimit: { perMinute: 1e9, trustProxy: true },
    });
  });
  afterAll(async () => dispose());

  it(`answers ${COUNT} malformed requests without a 5xx, with JSON errors on /v1`, async () => {
    const internalErrors = vi.spyOn(console, 'error');
    const problems: string[] = [];
    const statuses = new Map<string, Set<number>>();
    let index = 0;
    for (const request of malformedRequests(SEED, COUNT)) {
      const label = `#${index} ${request.kind} ${request.init.method ?? 'GET'} ${request.path.slice(0, 60)}`;
      index += 1;
      const response = await app.request(request.path, request.init);
      const seen = statuses.get(request.kind) ?? new Set<number>();
      seen.add(response.status);
      statuses.set(request.kind, seen);
      if (response.status >= 500) problems.push(`${label}: ${response.status}`);
      if (!request.path.startsWith('/v1') || request.init.method === 'HEAD') continue;
      if (response.status >= 400) {
        const body = ApiError.safeParse(await response.json().catch(() => null));
        if (!body.success) problems.push(`${label}: ${response.status} without the JSON error shape`);
      } else if (response.status === 200 && request.path === '/v1/lookup') {
        if (!LookupResponse.safeParse(await response.json()).success) problems.push(`${label}: bad 200 body`);
      }
    }
    expect(problems).toEqual([]);
    expect(internalErrors).not.toHaveBeenCalled();
    // Every kind of case was generated, and the documented refusals happened.
    expect([...statuses.keys()].sort()).toEqual([...FUZZ_KINDS].sort());
    expect(statuses.get('bad-json')).toContain(400);
    expect(statuses.get('batch-size')).toContain(422);
    expect(statuses.get('huge-strings')).toContain(422);
    expect(statuses.get('oversize')).toEqual(new Set([413]));
    // Search syntax in a headline is text: such lookups succeed.
    expect(statuses.get('operators-as-text')).toEqual(new Set([200]));
  });

  it('refuses a title over 500 characters and a batch over 50 with 422 and the field', async () => {
    const post = (body: unknown) =>
      app.request('/v1/lookup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const long = await post({ items: [{ title: 'x'.repeat(501) }] });
    expect(long.status).toBe(422);
    expect(ApiError.parse(await long.json()).error.field).toBe('items.0.title');
    const batch = await post({ items: Array.from({ length: 51 }, () => ({ title: 'x' })) });
    expect(batch.status).toBe(422);
    expect(ApiError.parse(await batch.json()).error.field).toBe('items');
    expect((await post({ items: [{ title: 'x'.repeat(500) }] })).status).toBe(200);
  });
});
