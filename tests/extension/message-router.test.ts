import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { LookupError } from '../../src/extension/background/lookup-client.js';
import { ReadTabError } from '../../src/extension/background/read-tab-error.js';
import { matched, story, unmatched } from './api-fixtures.js';
import {
  article,
  EXTENSION_ID as ID,
  popupSender as popup,
  routerHarness as setup,
} from './privacy/router-harness.js';

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
      { ...article, isArticle: false, articleMarkup: false },
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
