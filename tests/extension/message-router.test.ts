import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import type { LookupItem } from '../../src/core/contract.js';
import { LookupError, type LookupClient } from '../../src/extension/background/lookup-client.js';
import { createMessageRouter } from '../../src/extension/background/message-router.js';
import { ReadTabError } from '../../src/extension/background/read-tab-error.js';
import { createSettingsStore } from '../../src/extension/background/settings-store.js';
import type { ExtractedPage } from '../../src/extension/messages.js';
import { matched, story, unmatched } from './api-fixtures.js';
import { fakeStorageArea } from './fake-storage-area.js';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const popup: Runtime.MessageSender = { id: ID, url: `${ORIGIN}src/extension/popup/index.html` };

const article: ExtractedPage = {
  title: 'Harbour bridge reopens after two-year repair',
  canonicalUrl: 'https://coastal-herald.example/news/2025/03/harbour-bridge-reopens',
  description: 'Traffic flows again.',
  publishedAt: '2025-03-14T07:30:00.000Z',
  siteName: 'The Coastal Herald',
  isArticle: true,
};

/** A router over fakes that record what reached the API. */
function setup(options: { page?: ExtractedPage | Error; client?: Partial<LookupClient> } = {}) {
  const lookups: { baseUrl: string; items: LookupItem[] }[] = [];
  const settings = createSettingsStore(fakeStorageArea());
  const route = createMessageRouter({
    extensionId: ID,
    extensionOrigin: ORIGIN,
    settings,
    clientFor: (baseUrl) => ({
      lookup: async (items) => {
        lookups.push({ baseUrl, items });
        return matched;
      },
      getStory: async () => story,
      checkHealth: async () => 7,
      ...options.client,
    }),
    readTab: async () => {
      const page = options.page ?? article;
      if (page instanceof Error) throw page;
      return page;
    },
  });
  return { route, lookups, settings };
}

describe('message router', () => {
  it('refuses senders that are not this extension’s pages', async () => {
    const { route, lookups } = setup();
    const message = { type: 'lookup-tab', tabId: 3 };
    const strangers: Runtime.MessageSender[] = [
      { id: 'another-extension', url: 'chrome-extension://another-extension/popup.html' },
      // A content script of this extension: right id, but a web page's URL.
      {
        id: ID,
        url: 'https://evil.example/',
        tab: { id: 3, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
      },
      { id: ID },
      { id: ID, url: `chrome-extension://${ID}.evil.example/` },
    ];
    for (const sender of strangers) {
      expect(await route(message, sender)).toEqual({
        ok: false,
        error: { code: 'forbidden', message: expect.any(String) },
      });
    }
    expect(lookups).toEqual([]);
  });

  it('refuses malformed messages', async () => {
    const { route } = setup();
    for (const message of [
      null,
      'lookup-tab',
      { type: 'fetch', url: 'https://x.example' },
      { type: 'lookup-tab', tabId: -1 },
    ]) {
      const reply = await route(message, popup);
      expect(reply.ok ? undefined : reply.error.code).toBe('invalid-message');
    }
  });

  it('looks a tab up with the headline, canonical URL and description only', async () => {
    const { route, lookups } = setup();
    const reply = await route({ type: 'lookup-tab', tabId: 3 }, popup);
    expect(reply).toEqual({ ok: true, data: { page: article, result: matched.results[0] } });
    expect(lookups).toEqual([
      {
        baseUrl: 'http://127.0.0.1:8787',
        items: [{ title: article.title, url: article.canonicalUrl, description: article.description }],
      },
    ]);
  });

  it('uses the saved API address', async () => {
    const { route, lookups } = setup();
    await route({ type: 'save-settings', settings: { apiBaseUrl: 'http://localhost:9999/' } }, popup);
    await route({ type: 'lookup-tab', tabId: 3 }, popup);
    expect(lookups[0]?.baseUrl).toBe('http://localhost:9999');
  });

  it('strips tracking parameters from the canonical URL', async () => {
    const { route, lookups } = setup({
      page: { ...article, canonicalUrl: `${article.canonicalUrl}?utm_source=feed&fbclid=abc#top` },
    });
    await route({ type: 'lookup-tab', tabId: 3 }, popup);
    expect(lookups[0]?.items[0]?.url).toBe(article.canonicalUrl);
  });

  it('drops a canonical URL the contract refuses instead of failing the lookup', async () => {
    const { route, lookups } = setup({ page: { ...article, canonicalUrl: 'http://127.0.0.1:5000/a' } });
    expect((await route({ type: 'lookup-tab', tabId: 3 }, popup)).ok).toBe(true);
    expect(lookups[0]?.items).toEqual([{ title: article.title, description: article.description }]);
  });

  it('sends nothing for a page that is not an article, or has no headline', async () => {
    for (const page of [
      { ...article, isArticle: false },
      { ...article, title: '   ' },
    ]) {
      const { route, lookups } = setup({ page });
      const reply = await route({ type: 'lookup-tab', tabId: 3 }, popup);
      expect(reply.ok ? undefined : reply.error.code).toBe('not-article');
      expect(lookups).toEqual([]);
    }
  });

  it('answers a no-match result as data', async () => {
    const { route } = setup({ client: { lookup: async () => unmatched } });
    expect(await route({ type: 'lookup-tab', tabId: 3 }, popup)).toEqual({
      ok: true,
      data: { page: article, result: unmatched.results[0] },
    });
  });

  it('turns API and page failures into error replies', async () => {
    const down = setup({
      client: {
        lookup: async () => {
          throw new LookupError('unreachable', 'down');
        },
      },
    });
    expect(await down.route({ type: 'lookup-tab', tabId: 3 }, popup)).toEqual({
      ok: false,
      error: { code: 'unreachable', message: 'down' },
    });
    const unreadable = setup({ page: new ReadTabError('chrome:// page') });
    const reply = await unreadable.route({ type: 'lookup-tab', tabId: 3 }, popup);
    expect(reply.ok ? undefined : reply.error.code).toBe('cannot-read-page');
  });

  it('serves stories, settings and the API check', async () => {
    const { route } = setup();
    expect(await route({ type: 'get-story', id: 'story-1' }, popup)).toEqual({ ok: true, data: story });
    expect(await route({ type: 'get-settings' }, popup)).toEqual({
      ok: true,
      data: { apiBaseUrl: 'http://127.0.0.1:8787' },
    });
    expect(await route({ type: 'check-api', apiBaseUrl: 'http://localhost:1234' }, popup)).toEqual({
      ok: true,
      data: { latencyMs: 7 },
    });
    const bad = await route({ type: 'save-settings', settings: { apiBaseUrl: 'file:///etc/passwd' } }, popup);
    expect(bad.ok ? undefined : bad.error.code).toBe('invalid-message');
  });
});
