/**
 * The built extension in real Chromium against the real API with the demo corpus: the reader's
 * click on a demo article, and the states a reader meets when things do not line up.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sharesOf } from '../../src/core/bias-distribution.js';
import { LookupResponse, Story } from '../../src/core/contract.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser.js';
import { closedPort, serveFixturePages, type StaticSite } from './static-site.js';

const OPTIONS = 'src/extension/options/index.html';
const DEMO_ARTICLE = '/demo/russia-torture-convention.html';

let api: RunningServer;
let site: StaticSite;
let browser: ExtensionBrowser;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'coverage-lens-e2e-db-'));
  [api, site, browser] = await Promise.all([
    startServer({ dbPath: join(dataDir, 'coverage.db'), port: 0, demo: true }),
    serveFixturePages(),
    launchExtensionBrowser(),
  ]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), api?.close(), site?.close()]);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

afterEach(async () => {
  for (const page of browser.context.pages()) await page.close();
  // Taken out, so one test's errors fail that test only.
  expect(browser.errors.splice(0)).toEqual([]);
});

/** Points the extension at an API through its options page, as a user would. */
async function useApi(apiBaseUrl: string): Promise<void> {
  const options = await browser.openExtensionPage(OPTIONS);
  const input = options.locator('#api-base-url');
  await input.fill(apiBaseUrl);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText('Saved.').waitFor();
  expect(await input.inputValue()).toBe(apiBaseUrl);
  await options.close();
}

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).textContent()) ?? '';
}

describe('popup in Chromium', () => {
  it('checks the API from the options page', async () => {
    const options = await browser.openExtensionPage(OPTIONS);
    await options.locator('#api-base-url').fill(api.url);
    await options.getByRole('button', { name: 'Check' }).click();
    await options.getByText(/The coverage service answers \(\d+ ms\)/).waitFor();
  });

  it('shows the whole coverage of the demo article', async () => {
    await useApi(api.url);
    const popup = await browser.openPopupFor(`${api.url}${DEMO_ARTICLE}`);
    await popup.locator('.article').first().waitFor();

    const title = await text(popup, '.story-title');
    expect(title).toMatch(/Russia/);
    expect(title).toMatch(/anti-torture convention/i);
    const sourceCount = Number(/^(\d+) sources$/.exec(await text(popup, '.source-count'))?.[1]);
    expect(sourceCount).toBeGreaterThanOrEqual(25);
    expect(await text(popup, '.blindspot')).toContain('few right-leaning outlets');

    // The popup shows what the API holds: same story, same split, same articles and links.
    const lookup = await fetch(`${api.url}/v1/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // The demo article's day: without a time, a lookup searches around the newest story instead.
      body: JSON.stringify({ items: [{ title, publishedAt: '2025-08-05T12:00:00Z' }] }),
    });
    const summary = LookupResponse.parse(await lookup.json()).results[0]?.story;
    expect(summary?.title).toBe(title);
    const story = Story.parse(await (await fetch(`${api.url}/v1/stories/${summary?.id}`)).json());
    expect(sourceCount).toBe(story.sourceCount);
    const { distribution } = story;
    expect(distribution.left).toBeGreaterThan(distribution.right);
    const shares = sharesOf(distribution);
    for (const side of ['left', 'center', 'right'] as const) {
      const legend = await text(popup, `.legend-${side}`);
      expect(legend).toContain(`${shares[side]}%`);
      expect(legend).toContain(`(${distribution[side]} outlet`);
    }

    // Long lists come a page at a time, newest first.
    while (await popup.locator('.show-more').isVisible()) await popup.locator('.show-more').click();
    const names = await popup.locator('.article .outlet-name').allTextContents();
    expect(names.sort()).toEqual(
      story.articles.map((article) => article.outlet?.name ?? 'Unknown outlet').sort(),
    );
    const hrefs = await popup
      .locator('a.headline')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const httpsUrls = story.articles.map((a) => a.url).filter((url) => url?.startsWith('https://'));
    expect(hrefs.sort()).toEqual(httpsUrls.sort());
    expect(hrefs.length).toBeGreaterThanOrEqual(10);
    expect(await popup.locator('a.headline[target="_blank"][rel="noopener noreferrer"]').count()).toBe(
      hrefs.length,
    );

    // The demo page is The Guardian's article: the popup marks it as the one being read.
    const current = popup.locator('.article.current');
    expect(await current.count()).toBe(1);
    expect(await current.locator('.outlet-name').textContent()).toBe('The Guardian');

    mkdirSync('test-results', { recursive: true });
    await popup.screenshot({ path: 'test-results/popup.png' });
  });

  it('says so when no other outlet covers the story', async () => {
    await useApi(api.url);
    const popup = await browser.openPopupFor(`${site.url}/unmatched-article.html`);
    await popup.getByText('No other coverage found').waitFor();
    expect(await text(popup, '.status .detail')).toContain('Village fête crowns prize-winning marrow');
  });

  it('says so when the page is not a news article', async () => {
    await useApi(api.url);
    const popup = await browser.openPopupFor(`${site.url}/front-page.html`);
    await popup.getByText("This doesn't look like a news article").waitFor();
    expect(await popup.locator('.story-title').count()).toBe(0);
  });

  it('says so when the API is down, and retries once it is back', async () => {
    await useApi(`http://127.0.0.1:${await closedPort()}`);
    const popup = await browser.openPopupFor(`${api.url}${DEMO_ARTICLE}`);
    await popup.getByText("Couldn't reach the coverage service").waitFor();
    const retry = popup.getByRole('button', { name: 'Retry' });

    await useApi(api.url);
    await retry.click();
    await popup.locator('.story-title').waitFor();
    expect(await text(popup, '.story-title')).toMatch(/Russia/);
  });
});
