/**
 * 10,000 malformed messages from every kind of sender: no exception escapes, nothing goes to the
 * API, no setting or badge changes. Seeded, so a failure replays.
 */
import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { ContentToBackground, PageToBackground } from '../../../src/extension/messages.js';
import { article, contentSender, EXTENSION_ID, popupSender, routerHarness } from './router-harness.js';

/** mulberry32: a small seeded generator. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = [
  'lookup-tab',
  'get-story',
  'get-settings',
  'save-settings',
  'check-api',
  'get-site-access',
  'get-automatic-mode',
  'clear-cache',
  'auto-lookup',
  'extract',
  'fetch',
  '__proto__',
  'constructor',
  '',
];
const STRINGS = [
  '',
  'https://evil.example/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'http://user:pw@127.0.0.1:8787',
  '<img src=x onerror=alert(1)>',
  '\u202e\ud800',
  'x'.repeat(100_000),
  '{"type":"get-settings"}',
];

function fuzzer(next: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  function value(depth: number): unknown {
    const kind = Math.floor(next() * (depth > 2 ? 6 : 9));
    switch (kind) {
      case 0:
        return null;
      case 1:
        return undefined;
      case 2:
        return pick([0, -1, 1.5, Number.NaN, Infinity, 2 ** 53, -0]);
      case 3:
        return pick(STRINGS);
      case 4:
        return next() < 0.5;
      case 5:
        return pick([Symbol('x'), () => 1, new Date(0), /re/, 10n]);
      case 6:
        return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      default: {
        const object: Record<string, unknown> = {};
        for (const key of ['type', 'tabId', 'id', 'settings', 'apiBaseUrl', 'page', 'url', '__proto__']) {
          if (next() < 0.5) object[key] = key === 'type' && next() < 0.8 ? pick(TYPES) : value(depth + 1);
        }
        return object;
      }
    }
  }
  /** Valid messages with one part broken. */
  function mutant(): unknown {
    const base: Record<string, unknown>[] = [
      { type: 'lookup-tab', tabId: 3 },
      { type: 'save-settings', settings: { apiBaseUrl: 'http://localhost:1' } },
      { type: 'check-api', apiBaseUrl: 'http://localhost:1' },
      { type: 'get-story', id: 'story-1' },
      { type: 'auto-lookup', page: article },
    ];
    const message = structuredClone(pick(base));
    const key = pick(Object.keys(message));
    message[key] = value(2);
    return message;
  }
  return () => (next() < 0.5 ? value(0) : mutant());
}

describe('message router fuzz', () => {
  it('survives 10,000 malformed messages without a request, a setting change or a badge', async () => {
    const harness = routerHarness({
      granted: ['*://*.theguardian.com/*'],
      tabUrl: 'https://www.theguardian.com/a',
    });
    const settingsBefore = await harness.settings.load();
    const storageBefore = await harness.storage.get(null);
    const senders: Runtime.MessageSender[] = [
      popupSender,
      contentSender('https://www.theguardian.com/world/a'),
      contentSender('https://evil.example/'),
      { id: 'another-extension', url: 'chrome-extension://another-extension/' },
      { id: EXTENSION_ID },
      {},
    ];
    const next = random(20261128);
    const generate = fuzzer(next);
    let sent = 0;
    while (sent < 10_000) {
      const message = generate();
      // Skip the rare mutant that is still a valid message: this test is about malformed ones.
      if (PageToBackground.safeParse(message).success || ContentToBackground.safeParse(message).success)
        continue;
      const sender = senders[sent % senders.length] as Runtime.MessageSender;
      const reply = await harness.route(message, sender);
      expect(reply.ok).toBe(false);
      sent += 1;
    }
    expect(harness.apiCalls).toEqual([]);
    expect(harness.badges).toEqual([]);
    expect(await harness.settings.load()).toEqual(settingsBefore);
    expect(await harness.storage.get(null)).toEqual(storageBefore);
    // A generous bound: 10,000 round trips take seconds, more on a busy machine.
  }, 120_000);
});
