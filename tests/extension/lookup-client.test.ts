import { describe, expect, it } from 'vitest';
import { createLookupClient, LookupError } from '../../src/extension/background/lookup-client.js';
import { matched, story } from './api-fixtures.js';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that records its calls and answers from a script, honouring abort signals like the real one. */
function fakeFetch(answer: (call: Call) => Response | 'hang' | 'refuse') {
  const calls: Call[] = [];
  const fetchImpl = (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    const result = answer(call);
    if (result === 'refuse') return Promise.reject(new TypeError('Failed to fetch'));
    if (result === 'hang') {
      return new Promise<Response>((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    return Promise.resolve(result);
  };
  return { calls, fetchImpl: fetchImpl as typeof fetch };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function errorOf(promise: Promise<unknown>): Promise<LookupError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LookupError)) throw new Error(`expected a LookupError, got ${String(error)}`);
  return error;
}

describe('lookup client', () => {
  it('posts the items without cookies or referrer and returns the validated results', async () => {
    const { calls, fetchImpl } = fakeFetch(() => json(matched));
    const client = createLookupClient('http://api.test', fetchImpl);
    const response = await client.lookup([{ title: 'Harbour bridge reopens' }]);
    expect(response).toEqual(matched);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe('http://api.test/v1/lookup');
    expect(call?.init).toMatchObject({ method: 'POST', credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(JSON.parse(String(call?.init.body))).toEqual({ items: [{ title: 'Harbour bridge reopens' }] });
  });

  it('fetches a story by its escaped id', async () => {
    const { calls, fetchImpl } = fakeFetch(() => json(story));
    const result = await createLookupClient('http://api.test', fetchImpl).getStory('a/b');
    expect(result.articles).toHaveLength(story.articles.length);
    expect(calls[0]?.url).toBe('http://api.test/v1/stories/a%2Fb');
  });

  it('treats an answer that breaks the contract as an error, never as data', async () => {
    const broken = {
      results: [{ story: { ...matched.results[0]?.story, sourceCount: -1 }, matchedBy: 'text', score: 1 }],
    };
    const { fetchImpl } = fakeFetch(() => json(broken));
    const error = await errorOf(createLookupClient('http://api.test', fetchImpl).lookup([{ title: 'x' }]));
    expect(error.code).toBe('bad-response');
  });

  it('rejects a story link that is not http(s)', async () => {
    const hostile = { ...story, articles: [{ ...story.articles[0], url: 'javascript:alert(1)' }] };
    const { fetchImpl } = fakeFetch(() => json(hostile));
    expect((await errorOf(createLookupClient('http://api.test', fetchImpl).getStory('s'))).code).toBe(
      'bad-response',
    );
  });

  it('rejects a result count that differs from the items sent', async () => {
    const { fetchImpl } = fakeFetch(() => json({ results: [] }));
    expect(
      (await errorOf(createLookupClient('http://api.test', fetchImpl).lookup([{ title: 'x' }]))).code,
    ).toBe('bad-response');
  });

  it('maps 404 to not-found and other failures to bad-response', async () => {
    const notFound = fakeFetch(() => json({ error: { code: 'not_found', message: 'no story' } }, 404));
    expect(
      (await errorOf(createLookupClient('http://api.test', notFound.fetchImpl).getStory('s'))).code,
    ).toBe('not-found');
    const serverError = fakeFetch(() => new Response('oops', { status: 500 }));
    expect(
      (await errorOf(createLookupClient('http://api.test', serverError.fetchImpl).getStory('s'))).code,
    ).toBe('bad-response');
  });

  it('calls a refused connection unreachable', async () => {
    const { fetchImpl } = fakeFetch(() => 'refuse');
    expect((await errorOf(createLookupClient('http://api.test', fetchImpl).checkHealth())).code).toBe(
      'unreachable',
    );
  });

  it('gives up after the timeout', async () => {
    const { fetchImpl } = fakeFetch(() => 'hang');
    const started = Date.now();
    const error = await errorOf(
      createLookupClient('http://api.test', fetchImpl, 50).lookup([{ title: 'x' }]),
    );
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain('no answer within 50 ms');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('measures the health check', async () => {
    const { calls, fetchImpl } = fakeFetch(() => json({ ok: true }));
    expect(await createLookupClient('http://api.test', fetchImpl).checkHealth()).toBeGreaterThanOrEqual(0);
    expect(calls[0]?.url).toBe('http://api.test/healthz');
  });
});
