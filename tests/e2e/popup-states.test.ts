/**
 * Every state of the popup in real Chromium, each checked with axe-core (no serious or critical
 * violations) and screenshotted in light and dark to test-results/; keyboard use of the side tabs,
 * the 360–800 px range, the toolbar count, and the popup's JS budget. The "permission needed"
 * state needs another build of the extension: popup-permission.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { popupScripts } from '../../bench/lib/popup-scripts.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser.js';
import { EXTENSION_DIR } from './extension-dir.js';
import { checkAndShoot, SHOTS } from './popup-checks.js';
import { closedPort, serveFixturePages, type StaticSite } from './static-site.js';

const POPUP = 'src/extension/popup/index.html';
const DEMO_ARTICLE = '/demo/russia-torture-convention.html';

let api: RunningServer;
let site: StaticSite;
let browser: ExtensionBrowser;
let dataDir: string;
/** An API address that accepts connections and never answers: the popup's "slow" case. */
let stall: Server;
let stallUrl: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'coverage-lens-e2e-popup-'));
  stall = createServer(() => undefined);
  await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
  stallUrl = `http://127.0.0.1:${(stall.address() as AddressInfo).port}`;
  [api, site, browser] = await Promise.all([
    startServer({ dbPath: join(dataDir, 'coverage.db'), port: 0, demo: true }),
    serveFixturePages(),
    launchExtensionBrowser(),
  ]);
});

afterAll(async () => {
  stall?.closeAllConnections();
  await Promise.all([
    browser?.close(),
    api?.close(),
    site?.close(),
    new Promise((resolve) => (stall ? stall.close(resolve) : resolve(undefined))),
  ]);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

afterEach(async () => {
  for (const page of browser.context.pages()) await page.close();
  expect(browser.errors.splice(0)).toEqual([]);
});

async function popupFor(url: string, width = 400): Promise<{ popup: Page; tabId: number }> {
  const article = await browser.context.newPage();
  await article.goto(url);
  const tabId = await browser.tabIdOf(article);
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/${POPUP}?tabId=${tabId}`);
  return { popup, tabId };
}

/** The toolbar count the background shows on a tab, and its color as [r, g, b, alpha]. */
function toolbarOf(tabId: number): Promise<{ text: string; color: number[] }> {
  return browser.serviceWorker.evaluate(async (id) => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        action: {
          getBadgeText(d: object): Promise<string>;
          getBadgeBackgroundColor(d: object): Promise<number[]>;
        };
      };
    };
    const [text, color] = await Promise.all([
      chrome.action.getBadgeText({ tabId: id }),
      chrome.action.getBadgeBackgroundColor({ tabId: id }),
    ]);
    return { text, color };
  }, tabId);
}

/** #2563eb, the left side's color: the demo story is mostly covered from the left. */
const LEFT_BLUE = [0x25, 0x63, 0xeb, 255];

describe('popup states in Chromium', () => {
  it('shows the story, accessible in light and dark, and sets the toolbar count', async () => {
    await browser.useApi(api.url);
    const { popup, tabId } = await popupFor(`${api.url}${DEMO_ARTICLE}`);
    await popup.locator('.article .outlet-name').first().waitFor();
    const sources = Number(
      /^(\d+) sources$/.exec((await popup.locator('.source-count').textContent()) ?? '')?.[1],
    );
    expect(sources).toBeGreaterThanOrEqual(25);
    expect(await popup.locator('.first-reported').textContent()).toMatch(/^First reported .+ by .+/);
    expect(await popup.locator('.split-bar[role=img]').getAttribute('aria-label')).toMatch(
      /^Left: \d+%, \d+ outlets?; Center: \d+%, \d+ outlets?; Right: \d+%, \d+ outlets?; Unrated: \d+%, \d+ outlets?$/,
    );
    expect(await popup.locator('.blindspot-explain').textContent()).toContain('under 20%');
    expect(await popup.locator('.page-outlet .outlet-name').textContent()).toBe('The Guardian');
    // Owner, factual-reporting level and dates come from the API's outlet entry.
    expect(await popup.locator('.outlet-owner').textContent()).toBe(
      'Owner: Guardian Media Group (independent)',
    );
    expect(await popup.locator('.outlet-rating').allTextContents()).toEqual([
      expect.stringMatching(/^Coverage Lens consensus: Lean left; rated \S+ 2026\S/),
      expect.stringMatching(
        /^Media Bias\/Fact Check: Lean left \(its label: Left-Center\); factual reporting mixed; rated \S+ 2023$/,
      ),
    ]);
    expect(await popup.locator('[role=tab]').allTextContents()).toHaveLength(4);
    await checkAndShoot(popup, 'story');
    // The README's picture: taller than a popup may be, to show the list under the split.
    await popup.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    const overview = { x: 0, y: 0, width: 400, height: 1150 };
    await popup.screenshot({ path: join(SHOTS, 'popup-story-overview.png'), fullPage: true, clip: overview });
    await popup.locator('.seven-steps summary').click();
    expect(await popup.locator('.seven-steps tr').count()).toBe(8);
    await checkAndShoot(popup, 'story-seven-steps');

    expect(await toolbarOf(tabId)).toEqual({ text: String(sources), color: LEFT_BLUE });
  });

  it("opens from the toolbar on the active tab, which it finds itself, and sets that tab's count", async () => {
    await browser.useApi(api.url);
    const article = await browser.context.newPage();
    await article.goto(`${api.url}${DEMO_ARTICLE}`);
    await article.bringToFront();
    const tabId = await browser.tabIdOf(article);
    // The real popup, with no ?tabId: it reads the active tab of the current window. Playwright
    // does not hand out the action popup's page, so its work shows in the count it leads to.
    await browser.serviceWorker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } };
      await chrome.action.openPopup();
    });
    await expect
      .poll(() => toolbarOf(tabId), { timeout: 10_000 })
      .toEqual({ text: expect.stringMatching(/^\d{2,}$/), color: LEFT_BLUE });
  });

  it('shows the story it showed for this tab at once on the next open, even with the service gone', async () => {
    await browser.useApi(api.url);
    const { popup, tabId } = await popupFor(`${api.url}${DEMO_ARTICLE}`);
    await popup.locator('.article .outlet-name').first().waitFor();
    const title = await popup.locator('.story-title').textContent();
    await browser.useApi(`http://127.0.0.1:${await closedPort()}`);
    const again = await browser.context.newPage();
    await again.goto(`chrome-extension://${browser.extensionId}/${POPUP}?tabId=${tabId}`);
    await again.locator('.article .outlet-name').first().waitFor();
    expect(await again.locator('.story-title').textContent()).toBe(title);
    expect(await again.locator('.outlet-owner').textContent()).toBe(
      'Owner: Guardian Media Group (independent)',
    );
  });

  it('shows one story by id, as a badge\'s "open coverage" asks, with no page of the reader\'s', async () => {
    await browser.useApi(api.url);
    const { popup } = await popupFor(`${api.url}${DEMO_ARTICLE}`);
    await popup.locator('.article .outlet-name').first().waitFor();
    const title = await popup.locator('.story-title').textContent();
    const storyId = await browser.serviceWorker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          storage: { session: { get(k: string): Promise<Record<string, { story: { id: string } }>> } };
        };
      };
      return (await chrome.storage.session.get('popup-last-story'))['popup-last-story']?.story.id;
    });
    const byId = await browser.openExtensionPage(`${POPUP}?story=${encodeURIComponent(storyId ?? '')}`);
    await byId.setViewportSize({ width: 400, height: 600 });
    await byId.locator('.article .outlet-name').first().waitFor();
    expect(await byId.locator('.story-title').textContent()).toBe(title);
    expect(await byId.locator('.page-outlet').count()).toBe(0);
    expect(await byId.locator('.article.current').count()).toBe(0);
    await checkAndShoot(byId, 'story-by-id');
  });

  it('moves through the side tabs with the keyboard, focus visible', async () => {
    await browser.useApi(api.url);
    const { popup } = await popupFor(`${api.url}${DEMO_ARTICLE}`);
    await popup.locator('.article .outlet-name').first().waitFor();
    await popup.locator('#tab-all').focus();
    await popup.keyboard.press('ArrowRight');
    const focused = () => popup.evaluate(() => document.activeElement?.id);
    expect(await focused()).toBe('tab-left');
    expect(await popup.locator('#tab-left').getAttribute('aria-selected')).toBe('true');
    expect(await popup.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe(
      'solid',
    );
    const leftCount = Number(await popup.locator('#tab-left .tab-count').textContent());
    expect(await popup.locator('.article').count()).toBe(Math.min(leftCount, 20));
    await popup.keyboard.press('End');
    expect(await focused()).toBe('tab-right');
    // Tab leaves the tab list for the panel's first link: one tab stop for the whole list.
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('tab');
    await popup.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('tab-right');
  });

  it('fits from 360 to 800 px wide without sideways scrolling', async () => {
    await browser.useApi(api.url);
    for (const width of [360, 800]) {
      const { popup } = await popupFor(`${api.url}${DEMO_ARTICLE}`, width);
      await popup.locator('.article .outlet-name').first().waitFor();
      const overflow = await popup.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
      if (width === 360) await popup.screenshot({ path: join(SHOTS, 'popup-story-360.png') });
      await popup.close();
    }
  });

  it('shows a skeleton while the service is slow, then offers a retry', async () => {
    await browser.useApi(stallUrl);
    const { popup } = await popupFor(`${api.url}${DEMO_ARTICLE}`);
    await popup.locator('.skeleton .bone-title').first().waitFor();
    await checkAndShoot(popup, 'loading');
    await popup.getByText('This is taking longer than usual').waitFor();
    await popup.getByRole('button', { name: 'Retry' }).waitFor();
    await checkAndShoot(popup, 'slow');
  });

  it('says so when the service is unreachable', async () => {
    await browser.useApi(`http://127.0.0.1:${await closedPort()}`);
    const { popup } = await popupFor(`${api.url}${DEMO_ARTICLE}`);
    await popup.getByText("Couldn't reach the coverage service").waitFor({ timeout: 20_000 });
    await popup.getByRole('button', { name: 'Retry' }).waitFor();
    await checkAndShoot(popup, 'unreachable');
  });

  it('says so when the page is not a news article, and shows no count', async () => {
    await browser.useApi(api.url);
    const { popup, tabId } = await popupFor(`${site.url}/front-page.html`);
    await popup.getByText("This doesn't look like a news article").waitFor();
    await checkAndShoot(popup, 'not-news');
    expect((await toolbarOf(tabId)).text).toBe('');
  });

  it('says so when no other outlet covers the story yet', async () => {
    await browser.useApi(api.url);
    const { popup } = await popupFor(`${site.url}/unmatched-article.html`);
    await popup.getByText('No other coverage found').waitFor();
    await checkAndShoot(popup, 'no-coverage');
  });

  it('loads at most 25 KB of gzipped JS, zod and Preact included', async () => {
    const scripts = await popupScripts(EXTENSION_DIR);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.reduce((sum, s) => sum + s.gzipBytes, 0)).toBeLessThanOrEqual(25 * 1024);
  });
});
