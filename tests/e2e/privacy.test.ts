/**
 * What the built extension sends, counted at a recording API in real Chromium: nothing before
 * consent, nothing for pages that are not news, exactly the allowed fields for news, once per
 * headline per TTL, and no cookies or referrer ever.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LookupResponse, Story } from '../../src/core/contract.js';
import type { OutletResponse } from '../../src/core/outlet.js';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser.js';
import { startFakeApi, type FakeApi } from './fake-api.js';
import { articlePage, serveTestPages, type TestPages } from './test-pages.js';

const OPTIONS = 'src/extension/options/index.html';

const summary: Story = {
  id: 'story-1',
  title: 'Harbour bridge reopens after two-year repair',
  sourceCount: 3,
  firstPublishedAt: '2026-11-27T08:00:00.000Z',
  lastPublishedAt: '2026-11-27T10:00:00.000Z',
  distribution: { left: 1, center: 1, right: 1, unrated: 0 },
  blindspot: null,
  articles: [],
};

/** The API's entry for an outlet of the built-in directory. */
const guardian: OutletResponse = {
  id: 'the-guardian',
  name: 'The Guardian',
  domains: ['theguardian.com'],
  country: 'GB',
  language: 'en',
  owner: 'Guardian Media Group',
  ratings: [],
  lean: null,
};

let api: FakeApi;
let pages: TestPages;
let browser: ExtensionBrowser;
/** An extension page to send the background messages from, as the popup does. */
let extensionPage: Page;

beforeAll(async () => {
  [api, pages] = await Promise.all([
    startFakeApi((request) =>
      request.path === '/v1/lookup'
        ? {
            status: 200,
            body: { results: [{ story: summary, matchedBy: 'text', score: 0.9 }] } satisfies LookupResponse,
          }
        : request.path.startsWith('/v1/outlets/')
          ? { status: 200, body: guardian }
          : { status: 200, body: summary },
    ),
    serveTestPages(),
  ]);
  browser = await launchExtensionBrowser({
    args: ['--host-resolver-rules=MAP *.example-news.test 127.0.0.1, MAP www.11alive.com 127.0.0.1'],
  });
  await browser.useApi(api.url);
  // A cookie the API's origin would receive if requests carried credentials.
  await browser.context.addCookies([{ name: 'tracker', value: 'reader-42', url: api.url }]);
  extensionPage = await browser.openExtensionPage(OPTIONS);
});

afterAll(async () => {
  await Promise.all([browser?.close(), api?.close(), pages?.close()]);
});

afterEach(() => {
  expect(browser.errors.splice(0)).toEqual([]);
});

/** Opens `url` in a tab and asks the background to look it up, as the popup does on a click. */
async function clickLookup(url: string): Promise<{ ok: boolean; error?: { code: string } }> {
  const tab = await browser.context.newPage();
  await tab.goto(url);
  const reply = await sendMessage({ type: 'lookup-tab', tabId: await browser.tabIdOf(tab) });
  await tab.close();
  return reply as { ok: boolean; error?: { code: string } };
}

/** Sends a message to the background from an extension page, as the popup and options do. */
function sendMessage(message: object): Promise<unknown> {
  return extensionPage.evaluate((m) => {
    const { chrome } = globalThis as unknown as {
      chrome: { runtime: { sendMessage(m: object): Promise<unknown> } };
    };
    return chrome.runtime.sendMessage(m);
  }, message);
}

const lookups = () => api.requests.filter((request) => request.path === '/v1/lookup');

describe('what leaves the browser', () => {
  it('sends nothing when news pages load without a click', async () => {
    const urls = [
      // A known outlet (not on the HSTS preload list, so plain http reaches the test server).
      pages.url('/news/local/bridge', 'www.11alive.com'),
      pages.url('/news/bridge', 'www.example-news.test'),
    ];
    for (const url of urls) {
      pages.set(
        new URL(url).pathname,
        articlePage({ headline: 'Harbour bridge reopens after two-year repair' }),
      );
      const tab = await browser.context.newPage();
      await tab.goto(url);
      await tab.waitForLoadState('load');
      // Nothing of ours runs in the page: no registered script, no injected one.
      expect(await tab.evaluate(() => new XMLSerializer().serializeToString(document))).not.toContain(
        'coverage-lens',
      );
      await tab.close();
    }
    const registered = await browser.serviceWorker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
      };
      return chrome.scripting.getRegisteredContentScripts();
    });
    expect(registered).toEqual([]);
    expect(api.requests).toEqual([]);
  });

  it('sends nothing for a page that is not news, even on a click', async () => {
    pages.set('/shop/basket', articlePage({ headline: 'Your basket: 3 items', markedUp: false }));
    const reply = await clickLookup(pages.url('/shop/basket'));
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-article' } });
    expect(api.requests).toEqual([]);
  });

  it('sends exactly the headline, the stripped canonical URL and the description, without credentials', async () => {
    pages.set(
      '/news/harbour-bridge',
      articlePage({
        headline: 'Harbour bridge reopens after two-year repair',
        canonicalUrl:
          'https://coastal-herald.example/news/harbour-bridge?utm_source=feed&id=7&fbclid=x#comments',
        description: 'Traffic flows again.',
      }),
    );
    expect(await clickLookup(pages.url('/news/harbour-bridge?session=secret'))).toMatchObject({ ok: true });
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request?.method).toBe('POST');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      items: [
        {
          title: 'Harbour bridge reopens after two-year repair',
          url: 'https://coastal-herald.example/news/harbour-bridge?id=7',
          description: 'Traffic flows again.',
        },
      ],
    });
    const headers = request?.headers ?? {};
    expect(headers.cookie).toBeUndefined();
    expect(headers.referer).toBeUndefined();
    expect(headers.authorization).toBeUndefined();
    expect(request?.body).not.toContain('session=secret');
  });

  it('sends one lookup per headline within the cache TTL', async () => {
    pages.set('/news/ferry', articlePage({ headline: 'Ferry timetable changes for winter' }));
    const before = lookups().length;
    for (let i = 0; i < 3; i += 1)
      expect(await clickLookup(pages.url('/news/ferry'))).toMatchObject({ ok: true });
    expect(lookups().length - before).toBe(1);
  });

  it('sends the headline again once the reader clears the cache in the options page', async () => {
    const before = lookups().length;
    expect(await clickLookup(pages.url('/news/ferry'))).toMatchObject({ ok: true });
    expect(lookups().length).toBe(before);
    const options = await browser.openExtensionPage(OPTIONS);
    await options.getByRole('button', { name: 'Clear cache' }).click();
    await options.getByText('Cleared.').waitFor();
    await options.close();
    expect(await clickLookup(pages.url('/news/ferry'))).toMatchObject({ ok: true });
    expect(lookups().length - before).toBe(1);
  });

  it("asks about the page's outlet by the outlet's domain only, once per TTL, and never for unknown sites", async () => {
    const before = api.requests.length;
    expect(await sendMessage({ type: 'get-outlet', host: 'shop.example.com' })).toEqual({
      ok: true,
      data: null,
    });
    expect(api.requests.length).toBe(before);
    for (const host of ['www.theguardian.com', 'theguardian.com', 'gu.com'])
      expect(await sendMessage({ type: 'get-outlet', host })).toMatchObject({
        ok: true,
        data: { id: 'the-guardian', owner: 'Guardian Media Group', source: 'service' },
      });
    const sent = api.requests.slice(before);
    expect(sent.map((request) => `${request.method} ${request.path} ${request.body}`)).toEqual([
      'GET /v1/outlets/theguardian.com ',
    ]);
    expect(sent[0]?.headers.cookie).toBeUndefined();
    expect(sent[0]?.headers.referer).toBeUndefined();
  });

  it('offers automatic mode only for known news sites', async () => {
    const access = async (url: string) => {
      const tab = await browser.context.newPage();
      await tab.goto(url);
      const reply = await sendMessage({ type: 'get-site-access', tabId: await browser.tabIdOf(tab) });
      await tab.close();
      return reply;
    };
    expect(await access(pages.url('/news/ferry'))).toEqual({
      ok: true,
      data: { host: 'localhost', newsSite: false, origins: [], automatic: false },
    });
  });
});
