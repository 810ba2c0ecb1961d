import type { Scripting } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import {
  AUTO_SCRIPT_ID,
  registerAutoScript,
  serialized,
  type ScriptingApi,
} from '../../../src/extension/background/content-registration.js';
import { patternMatches } from '../../../src/extension/background/host-patterns.js';
import { dominantSide, showCount, SIDE_COLORS } from '../../../src/extension/background/toolbar-count.js';
import { summary } from '../api-fixtures.js';
import { article, contentSender, popupSender, routerHarness } from './router-harness.js';

const GUARDIAN = 'https://www.theguardian.com/world/2025/mar/14/harbour-bridge';
const intent = { type: 'auto-lookup', page: article };

describe('automatic mode in the router', () => {
  it('looks nothing up before the reader opts in for the site', async () => {
    const harness = routerHarness({ granted: ['*://*.bbc.co.uk/*'] });
    const reply = await harness.route(intent, contentSender(GUARDIAN));
    expect(reply.ok ? undefined : reply.error.code).toBe('forbidden');
    expect(harness.apiCalls).toEqual([]);
    expect(harness.badges).toEqual([]);
  });

  it('does not count the API’s own host permission as consent', async () => {
    const harness = routerHarness();
    const reply = await harness.route(intent, contentSender('http://localhost:5000/article'));
    expect(reply.ok).toBe(false);
    expect(harness.apiCalls).toEqual([]);
  });

  it('looks the page up and shows the count once the site is granted', async () => {
    const harness = routerHarness({ granted: ['*://*.theguardian.com/*'] });
    expect(await harness.route(intent, contentSender(GUARDIAN))).toMatchObject({ ok: true });
    expect(harness.badges).toEqual([{ tabId: 7, story: summary }]);
    expect(harness.lookups[0]?.items).toEqual([
      { title: article.title, url: article.canonicalUrl, description: article.description },
    ]);
  });

  it('stops at once when the permission is revoked', async () => {
    const harness = routerHarness({ granted: ['*://*.theguardian.com/*'] });
    harness.granted.origins = harness.granted.origins.filter((origin) => !origin.includes('guardian'));
    const reply = await harness.route(intent, contentSender(GUARDIAN));
    expect(reply.ok ? undefined : reply.error.code).toBe('forbidden');
    expect(harness.apiCalls).toEqual([]);
  });

  it('gives content scripts intents only, from the top frame only', async () => {
    const harness = routerHarness({ granted: ['*://*.theguardian.com/*'] });
    const sender = contentSender(GUARDIAN);
    for (const message of [
      { type: 'get-settings' },
      { type: 'save-settings', settings: { apiBaseUrl: 'https://evil.example' } },
      { type: 'check-api', apiBaseUrl: 'https://evil.example' },
      { type: 'clear-cache' },
      { type: 'lookup-tab', tabId: 7 },
    ]) {
      const reply = await harness.route(message, sender);
      expect(reply.ok ? undefined : reply.error.code).toBe('forbidden');
    }
    expect((await harness.route(intent, { ...sender, frameId: 3 })).ok).toBe(false);
    expect(harness.apiCalls).toEqual([]);
    expect((await harness.route({ type: 'get-settings' }, popupSender)).ok).toBe(true);
  });

  it('tells the popup whether automatic mode is on for its tab, and what to ask for', async () => {
    const harness = routerHarness({ tabUrl: GUARDIAN, granted: ['*://*.theguardian.com/*'] });
    expect(await harness.route({ type: 'get-site-access', tabId: 3 }, popupSender)).toEqual({
      ok: true,
      data: {
        host: 'www.theguardian.com',
        newsSite: true,
        origins: [
          '*://*.theguardian.com/*',
          '*://*.guardian.co.uk/*',
          '*://*.theguardian.co.uk/*',
          '*://*.gu.com/*',
        ],
        automatic: true,
      },
    });
    const other = routerHarness({ tabUrl: 'https://shop.example/' });
    expect(await other.route({ type: 'get-site-access', tabId: 3 }, popupSender)).toEqual({
      ok: true,
      data: { host: 'shop.example', newsSite: false, origins: [], automatic: false },
    });
    const mode = await other.route({ type: 'get-automatic-mode' }, popupSender);
    const data = mode.ok ? (mode.data as { origins: string[]; allNewsOrigins: string[] }) : undefined;
    expect(data?.origins).toEqual([]);
    expect(data?.allNewsOrigins.length).toBeGreaterThan(900);
    expect(data?.allNewsOrigins).toContain('*://*.theguardian.com/*');
  });
});

describe('host patterns', () => {
  it('match the granted site and its subdomains only', () => {
    expect(patternMatches('*://*.theguardian.com/*', 'https://www.theguardian.com/x')).toBe(true);
    expect(patternMatches('*://*.theguardian.com/*', 'http://theguardian.com/')).toBe(true);
    expect(patternMatches('*://*.theguardian.com/*', 'https://eviltheguardian.com/')).toBe(false);
    expect(patternMatches('*://*.theguardian.com/*', 'https://theguardian.com.evil.example/')).toBe(false);
    expect(patternMatches('https://news.example/*', 'http://news.example/')).toBe(false);
    expect(patternMatches('*://*.theguardian.com/*', 'ftp://www.theguardian.com/')).toBe(false);
    expect(patternMatches('<all_urls>', 'https://a.example/')).toBe(false);
  });
});

/** A `scripting` that keeps registrations like the browser does. */
function fakeScripting() {
  const scripts = new Map<string, Scripting.RegisteredContentScript>();
  const api: ScriptingApi = {
    getRegisteredContentScripts: async (filter) =>
      [...scripts.values()].filter((s) => filter?.ids?.includes(s.id) ?? true),
    registerContentScripts: async (list) => {
      for (const script of list) {
        if (scripts.has(script.id)) throw new Error(`duplicate id ${script.id}`);
        scripts.set(script.id, script);
      }
    },
    unregisterContentScripts: async (filter) => {
      for (const id of filter?.ids ?? [...scripts.keys()]) scripts.delete(id);
    },
  };
  return { api, scripts };
}

describe('content script registration', () => {
  it('follows the granted sites, and registers nothing without any', async () => {
    const { api, scripts } = fakeScripting();
    await registerAutoScript(api, ['*://*.theguardian.com/*'], 'auto.js');
    await registerAutoScript(api, ['*://*.theguardian.com/*', '*://*.bbc.co.uk/*'], 'auto.js');
    expect(scripts.get(AUTO_SCRIPT_ID)?.matches).toEqual(['*://*.theguardian.com/*', '*://*.bbc.co.uk/*']);
    expect(scripts.get(AUTO_SCRIPT_ID)?.js).toEqual(['auto.js']);
    await registerAutoScript(api, [], 'auto.js');
    expect(scripts.size).toBe(0);
  });

  it('applies overlapping syncs in order', async () => {
    const order: number[] = [];
    let n = 0;
    const sync = serialized(async () => {
      const mine = (n += 1);
      await new Promise((resolve) => setTimeout(resolve, mine === 1 ? 20 : 0));
      order.push(mine);
    });
    await Promise.all([sync(), sync(), sync()]);
    expect(order).toEqual([1, 2, 3]);
  });
});

describe('toolbar count', () => {
  it('shows the source count coloured by the dominant side, and clears on no match', async () => {
    const calls: unknown[] = [];
    const action = {
      setBadgeText: async (details: object) => void calls.push(['text', details]),
      setBadgeBackgroundColor: async (details: object) => void calls.push(['color', details]),
    };
    await showCount(action, 4, summary);
    await showCount(action, 4, null);
    expect(calls).toEqual([
      ['color', { tabId: 4, color: SIDE_COLORS.left }],
      ['text', { tabId: 4, text: '4' }],
      ['text', { tabId: 4, text: '' }],
    ]);
    const tie = { ...summary, distribution: { left: 1, center: 1, right: 0, unrated: 2 } };
    expect(dominantSide(tie)).toBe('none');
  });
});
