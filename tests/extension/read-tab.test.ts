import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadTabError } from '../../src/extension/background/read-tab-error.js';
import { READ_TAB_TIMEOUT_MS, readTab, type TabScripting } from '../../src/extension/background/read-tab.js';
import type { BackgroundToContent } from '../../src/extension/messages.js';
import { article } from './privacy/router-harness.js';

const never = () => new Promise<never>(() => undefined);

/** A tab whose content script is injected and answers `extract` with `reply`, recording the calls. */
function tabAnswering(reply: () => Promise<unknown>): TabScripting & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    inject: async (tabId) => {
      calls.push(`inject ${tabId}`);
    },
    send: (tabId, intent: BackgroundToContent) => {
      calls.push(`${intent.type} ${tabId}`);
      return reply();
    },
  };
}

/** Where `promise` stands once the fake clock has moved on `ms`. */
async function settledAfter(promise: Promise<unknown>, ms: number): Promise<string> {
  let state = 'pending';
  promise.then(
    () => (state = 'answered'),
    (error: unknown) => (state = error instanceof ReadTabError ? `ReadTabError: ${error.message}` : 'other'),
  );
  await vi.advanceTimersByTimeAsync(ms);
  return state;
}

describe('readTab', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('injects the content script, asks it to extract and answers the page', async () => {
    const tab = tabAnswering(async () => ({ ok: true, data: article }));
    await expect(readTab(3, tab)).resolves.toEqual(article);
    expect(tab.calls).toEqual(['inject 3', 'extract 3']);
  });

  it('gives up on a content script that never answers, after the bound and not before', async () => {
    const reading = readTab(3, tabAnswering(never));
    expect(await settledAfter(reading, READ_TAB_TIMEOUT_MS - 1)).toBe('pending');
    expect(await settledAfter(reading, 1)).toBe(
      `ReadTabError: the page did not answer within ${READ_TAB_TIMEOUT_MS} ms`,
    );
  });

  it('gives up on an injection that never finishes (a page that keeps loading)', async () => {
    const tab: TabScripting = { inject: never, send: async () => ({ ok: true, data: article }) };
    expect(await settledAfter(readTab(3, tab, 1500), 1500)).toMatch(/^ReadTabError: .*within 1500 ms/);
  });

  it('answers in time when the page is slow but within the bound', async () => {
    const slow = () => new Promise((resolve) => setTimeout(() => resolve({ ok: true, data: article }), 1000));
    expect(await settledAfter(readTab(3, tabAnswering(slow), 2000), 1000)).toBe('answered');
    // The bound's timer is gone once the page answered.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports a page where the script cannot run, no receiver, garbage and a content-side failure', async () => {
    const cases: [TabScripting, RegExp][] = [
      [
        {
          inject: () => Promise.reject(new Error('Cannot access a chrome:// URL')),
          send: async () => undefined,
        },
        /^cannot read this page: .*chrome:\/\//,
      ],
      [tabAnswering(() => Promise.reject(new Error('Receiving end does not exist'))), /did not answer$/],
      [tabAnswering(async () => '<html>'), /did not answer$/],
      [
        tabAnswering(async () => ({
          ok: false,
          error: { code: 'not-article', message: 'no headline here' },
        })),
        /^no headline here$/,
      ],
    ];
    for (const [tab, message] of cases) {
      const error = await readTab(3, tab).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ReadTabError);
      expect((error as Error).message).toMatch(message);
    }
  });
});
