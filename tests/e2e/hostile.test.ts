/**
 * Hostile pages and a hostile API against the built extension in Chromium: every payload goes
 * from a page's headline through the background to the API and back into the popup, and must
 * stay text: no dialog, no injected script or element, no page error, no unsafe link.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/core/contract.js';
import { HOSTILE_PAYLOADS, HOSTILE_URLS } from '../fixtures/privacy/hostile-payloads.js';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser.js';
import { startFakeApi, type FakeApi } from './fake-api.js';
import { articlePage, serveTestPages, type TestPages } from './test-pages.js';

const POPUP = 'src/extension/popup/index.html';

let api: FakeApi;
let pages: TestPages;
let browser: ExtensionBrowser;
const dialogs: string[] = [];
const pageErrors: string[] = [];

/** The hostile story for payload `i`: its text everywhere, and one of the hostile links. */
function hostileStory(i: number): Story {
  const payload = HOSTILE_PAYLOADS[i] ?? '';
  return {
    id: `story-${i}`,
    title: `Story ${i}: ${payload}`,
    summary: payload,
    sourceCount: 2,
    firstPublishedAt: '2026-11-27T08:00:00.000Z',
    lastPublishedAt: '2026-11-27T10:00:00.000Z',
    distribution: { left: 1, center: 0, right: 0, unrated: 1 },
    blindspot: null,
    articles: [
      {
        url: `https://evil.example/a/${i}?q=%22%3E%3Cscript%3Ealert(${i})%3C/script%3E`,
        title: payload,
        description: payload,
        publishedAt: '2026-11-27T08:00:00.000Z',
        outlet: { id: 'hostile', name: payload, domain: 'evil.example', lean: 'left' },
      },
      {
        url: HOSTILE_URLS[i % HOSTILE_URLS.length] ?? null,
        title: payload,
        publishedAt: '2026-11-27T10:00:00.000Z',
        outlet: null,
      },
    ],
  };
}

function watch(page: Page) {
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
}

let current = 0;

beforeAll(async () => {
  [api, pages, browser] = await Promise.all([
    startFakeApi((request) => {
      const story = hostileStory(current);
      if (request.path === '/v1/lookup') {
        const { articles: _articles, ...summary } = story;
        return { status: 200, body: { results: [{ story: summary, matchedBy: 'text', score: 0.9 }] } };
      }
      return { status: 200, body: story };
    }),
    serveTestPages(),
    launchExtensionBrowser(),
  ]);
  browser.context.on('page', watch);
  await browser.serviceWorker.evaluate(async (apiBaseUrl) => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { set(v: object): Promise<void> } } };
    };
    await chrome.storage.local.set({ settings: { apiBaseUrl } });
  }, api.url);
});

afterAll(async () => {
  await Promise.all([browser?.close(), api?.close(), pages?.close()]);
});

/** One article tab and one popup, navigated anew for each payload: opening pages is the slow part. */
let article: Page | undefined;
let popup: Page | undefined;

/** Opens `url` and the popup for it; `served` is the article's DOM before the extension read it. */
async function popupFor(url: string): Promise<{ article: Page; popup: Page; served: string }> {
  article ??= await browser.context.newPage();
  await article.goto(url);
  const served = await article.evaluate(() => new XMLSerializer().serializeToString(document));
  const popupUrl = `chrome-extension://${browser.extensionId}/${POPUP}?tabId=${await browser.tabIdOf(article)}`;
  popup ??= await browser.context.newPage();
  await popup.goto(popupUrl);
  return { article, popup, served };
}

afterEach(async () => {
  expect(dialogs.splice(0)).toEqual([]);
  expect(pageErrors.splice(0)).toEqual([]);
  expect(browser.errors.splice(0)).toEqual([]);
});

/** What in a document could run code, load something or mislead: all of it should be empty. */
async function dangers(page: Page, extensionOrigin: string) {
  return page.evaluate((origin) => {
    const all = [...document.querySelectorAll('*')];
    return {
      foreignScripts: [...document.scripts].filter((s) => !s.src.startsWith(origin)).length,
      handlerAttributes: all.flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name),
      ),
      embedded: document.querySelectorAll(
        'iframe, object, embed, img, base, form, meta[http-equiv], body style, math',
      ).length,
      unsafeLinks: [...document.querySelectorAll('a[href]')]
        .map((a) => a.getAttribute('href') ?? '')
        .filter((href) => !href.startsWith('https://')),
    };
  }, extensionOrigin);
}

describe('hostile pages and API', () => {
  it('has at least 25 payloads', () => {
    expect(HOSTILE_PAYLOADS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(HOSTILE_PAYLOADS.map((payload, i) => [i, payload.slice(0, 40)] as const))(
    'payload %i (%s) stays text from page to popup',
    async (i) => {
      current = i;
      const payload = HOSTILE_PAYLOADS[i] ?? '';
      pages.set(
        `/hostile/${i}`,
        articlePage({
          headline: payload,
          description: payload,
          canonicalUrl: `https://coastal-herald.example/news/${i}`,
        }),
      );
      const lookupsBefore = api.requests.length;
      const { article, popup, served } = await popupFor(pages.url(`/hostile/${i}`));

      // The summary arrives first, then the list (or its error, when a link broke the contract).
      await popup.getByText(`Story ${i}:`).first().waitFor();
      await popup.locator('.coverage, .coverage-error').first().waitFor();
      expect(api.requests.length - lookupsBefore).toBe(2);
      const sent = JSON.parse(api.requests[lookupsBefore]?.body ?? '{}') as { items: { title: string }[] };
      expect(sent.items[0]?.title.length).toBeLessThanOrEqual(500);

      expect(await dangers(popup, `chrome-extension://${browser.extensionId}/`)).toEqual({
        foreignScripts: 0,
        handlerAttributes: [],
        embedded: 0,
        unsafeLinks: [],
      });
      // Reading the page left it as it was.
      expect(await article.evaluate(() => new XMLSerializer().serializeToString(document))).toBe(served);
    },
  );

  it('draws nothing from an answer whose counts do not add up', async () => {
    api.answer(() => {
      const { articles: _articles, ...summary } = hostileStory(0);
      return {
        status: 200,
        body: { results: [{ story: { ...summary, sourceCount: 40 }, matchedBy: 'text', score: 1 }] },
      };
    });
    pages.set('/incoherent', articlePage({ headline: 'Counts that do not add up' }));
    const { popup } = await popupFor(pages.url('/incoherent'));
    await popup.getByRole('button', { name: /retry/i }).waitFor();
    expect(await popup.getByText('Story 0:').count()).toBe(0);
  });
});
