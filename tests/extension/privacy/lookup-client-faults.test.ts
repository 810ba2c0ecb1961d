/** The API client against a broken or hostile network: every bad answer is an error, never data. */
import { describe, expect, it } from 'vitest';
import { createLookupClient, LookupError } from '../../../src/extension/background/lookup-client.js';
import { retryAfterMs } from '../../../src/extension/background/retry-after.js';
import { matched, story, summary } from '../api-fixtures.js';

function answering(status: number, body: unknown, headers: Record<string, string> = {}): typeof fetch {
  return async () => new Response(JSON.stringify(body), { status, headers });
}

async function failureOf(promise: Promise<unknown>): Promise<LookupError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LookupError);
  return error as LookupError;
}

const items = [{ title: 'Harbour bridge reopens' }];

describe('lookup client faults', () => {
  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('120', 0)).toBe(120_000);
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:30 GMT', 10_000)).toBe(20_000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });

  it('reports the status and Retry-After of a refusal', async () => {
    const client = createLookupClient('https://api.example', answering(429, {}, { 'retry-after': '7' }));
    const error = await failureOf(client.lookup(items));
    expect(error.details).toEqual({ status: 429, retryAfterMs: 7000 });
  });

  it('refuses counts that do not add up', async () => {
    const bad = [
      { ...summary, sourceCount: 5 },
      { ...summary, distribution: { ...summary.distribution, left: 3 } },
      { ...summary, sourceCount: 0, distribution: { left: 0, center: 0, right: 0, unrated: 0 } },
      { ...summary, blindspot: 'left' },
      { ...summary, firstPublishedAt: '2025-03-15T00:00:00.000Z' },
    ];
    for (const story of bad) {
      const client = createLookupClient(
        'https://api.example',
        answering(200, { results: [{ story, matchedBy: 'text', score: 1 }] }),
      );
      expect((await failureOf(client.lookup(items))).code).toBe('bad-response');
    }
    const noMatchWithReason = { results: [{ story: null, matchedBy: 'url', score: null }] };
    const client = createLookupClient('https://api.example', answering(200, noMatchWithReason));
    expect((await failureOf(client.lookup(items))).code).toBe('bad-response');
  });

  it('refuses a story whose counts do not add up, and accepts coherent answers', async () => {
    const incoherent = createLookupClient(
      'https://api.example',
      answering(200, { ...story, sourceCount: 9 }),
    );
    expect((await failureOf(incoherent.getStory('story-1'))).code).toBe('bad-response');
    expect(
      await createLookupClient('https://api.example', answering(200, story)).getStory('story-1'),
    ).toEqual(story);
    expect(await createLookupClient('https://api.example', answering(200, matched)).lookup(items)).toEqual(
      matched,
    );
  });
});
