/**
 * The Firefox build in Debian's Firefox ESR, driven over WebDriver BiDi, against the real API with
 * the demo corpus: the reader's click on a demo article shows the story, as in Chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LookupResponse, Story } from '../../../src/core/contract.js';
import { startServer, type RunningServer } from '../../../src/server/start-server.js';
import { FIREFOX_EXTENSION_DIR } from '../extension-dir.js';
import { serveFixturePages, type StaticSite } from '../static-site.js';
import {
  launchFirefoxWithExtension,
  type FirefoxExtensionBrowser,
  type FirefoxTab,
} from './firefox-extension-browser.js';
import { useApi } from './options-page.js';

const POPUP = 'src/extension/popup/index.html';
const DEMO_ARTICLE = '/demo/russia-torture-convention.html';

let api: RunningServer;
let site: StaticSite;
let firefox: FirefoxExtensionBrowser;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'coverage-lens-e2e-firefox-db-'));
  // Settled, not Promise.all: when one fails, afterAll still closes the others (no Firefox left running).
  const [apiStart, siteStart, firefoxStart] = await Promise.allSettled([
    startServer({ dbPath: join(dataDir, 'coverage.db'), port: 0, demo: true }),
    serveFixturePages(),
    launchFirefoxWithExtension(FIREFOX_EXTENSION_DIR),
  ]);
  if (apiStart.status === 'fulfilled') api = apiStart.value;
  if (siteStart.status === 'fulfilled') site = siteStart.value;
  if (firefoxStart.status === 'fulfilled') firefox = firefoxStart.value;
  for (const start of [apiStart, siteStart, firefoxStart])
    if (start.status === 'rejected') throw start.reason;
  await useApi(firefox, api.url);
});

afterAll(async () => {
  await Promise.all([firefox?.close(), api?.close(), site?.close()]);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  // Taken out, so one test's errors fail that test only.
  expect(firefox.errors.splice(0)).toEqual([]);
});

/** Opens a page in a tab, then the popup for that tab (in a tab of its own). */
async function popupFor(url: string): Promise<FirefoxTab> {
  await firefox.openTab(url);
  return firefox.openExtensionPage(`${POPUP}?tabId=${await firefox.tabIdOf(url)}`);
}

const textOf = (selector: string) => `document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`;

describe('popup in Firefox', () => {
  it('looks the demo article up and shows its story', async () => {
    const popup = await popupFor(`${api.url}${DEMO_ARTICLE}`);
    await popup.waitFor(`document.querySelector('.story-title')?.textContent`, 'the story’s title');
    await popup.waitFor(`document.querySelector('.article .outlet-name')`, 'the story’s articles');

    const title = await popup.evaluate<string>(textOf('.story-title'));
    expect(title).toMatch(/Russia/);
    expect(title).toMatch(/anti-torture convention/i);

    // The popup shows what the API holds for the article: the story, its size and its articles.
    const lookup = await fetch(`${api.url}/v1/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // The demo article's day: without a time, a lookup searches around the newest story instead.
      body: JSON.stringify({ items: [{ title, publishedAt: '2025-08-05T12:00:00Z' }] }),
    });
    const summary = LookupResponse.parse(await lookup.json()).results[0]?.story;
    expect(summary?.title).toBe(title);
    const story = Story.parse(await (await fetch(`${api.url}/v1/stories/${summary?.id}`)).json());
    expect(await popup.evaluate<string>(textOf('.source-count'))).toBe(`${story.sourceCount} sources`);

    // Long lists come a page at a time: show them all, as a reader would.
    const showMore = `document.querySelector('.show-more')`;
    for (let pages = 1; await popup.evaluate<boolean>(`Boolean(${showMore})`); pages++) {
      expect(pages).toBeLessThan(story.articles.length);
      await popup.evaluate(`${showMore}.click()`);
    }
    const names = await popup.evaluate<string[]>(
      `[...document.querySelectorAll('.article .outlet-name')].map((name) => name.textContent)`,
    );
    expect(names.sort()).toEqual(
      story.articles.map((article) => article.outlet?.name ?? 'Unknown outlet').sort(),
    );
    // The demo page is The Guardian's article: the popup marks it as the one being read.
    expect(await popup.evaluate<string>(textOf('.article.current .outlet-name'))).toBe('The Guardian');
    await popup.close();
  });

  it('says so when no other outlet covers the story', async () => {
    const popup = await popupFor(`${site.url}/unmatched-article.html`);
    await popup.waitFor(
      `document.body.textContent.includes('No other coverage found')`,
      'the no-coverage message',
    );
    expect(await popup.evaluate<string>(textOf('.status .detail'))).toContain(
      'Village fête crowns prize-winning marrow',
    );
    await popup.close();
  });
});
