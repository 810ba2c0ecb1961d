/**
 * The popup loads without a layout jump, in real Chromium: the API's answers are held back so that
 * its skeleton, then the story's summary, stay on screen; what was shown must not move when the
 * next step arrives (Layout Instability API), and the story's title takes the skeleton title's place.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser.js';

const POPUP = 'src/extension/popup/index.html';
const DEMO_ARTICLE = '/demo/russia-torture-convention.html';

/** A proxy to the API that holds back the requests whose path starts with a held prefix. */
interface GatedApi {
  url: string;
  hold(...prefixes: string[]): void;
  /** Stops holding a prefix and forwards what it held. */
  release(prefix: string): void;
  close(): Promise<void>;
}

async function startGatedApi(target: string): Promise<GatedApi> {
  const held = new Set<string>();
  const waiting: { path: string; forward: () => void }[] = [];
  const forward = (incoming: IncomingMessage, response: ServerResponse) => () => {
    const upstream = request(new URL(incoming.url ?? '/', target), {
      method: incoming.method,
      headers: incoming.headers,
    });
    upstream.on('response', (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.writeHead(502).end());
    incoming.pipe(upstream);
  };
  const server = createServer((incoming, response) => {
    const path = incoming.url ?? '/';
    const go = forward(incoming, response);
    if ([...held].some((prefix) => path.startsWith(prefix))) waiting.push({ path, forward: go });
    else go();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const release = (prefix: string) => {
    held.delete(prefix);
    for (const entry of waiting.filter((w) => w.path.startsWith(prefix))) {
      waiting.splice(waiting.indexOf(entry), 1);
      entry.forward();
    }
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold: (...prefixes) => prefixes.forEach((prefix) => held.add(prefix)),
    release,
    close() {
      [...held].forEach(release);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Collects every layout shift of the page, with what moved and from where to where; installed
 * before any popup script runs. A string: tsx would wrap a function with helpers the page lacks.
 */
const RECORD_SHIFTS = `(() => {
  window.layoutShifts = [];
  const box = (r) => [r.x, r.y, r.width, r.height].map(Math.round).join(',');
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      window.layoutShifts.push({
        value: entry.value,
        hadRecentInput: entry.hadRecentInput,
        moved: entry.sources.map((s) =>
          (s.node ? s.node.nodeName + '.' + (s.node.className || '') : '?') +
          ' ' + box(s.previousRect) + ' -> ' + box(s.currentRect)),
      });
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

interface Shift {
  value: number;
  hadRecentInput: boolean;
  moved: string[];
}

async function shiftsOf(page: Page): Promise<Shift[]> {
  // Two frames, so that the last change has been laid out and reported.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page.evaluate(() => (window as unknown as { layoutShifts: Shift[] }).layoutShifts);
}

async function boxOf(page: Page, selector: string): Promise<{ x: number; y: number; width: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width) };
}

let api: RunningServer;
let gated: GatedApi;
let browser: ExtensionBrowser;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'coverage-lens-e2e-layout-'));
  [api, browser] = await Promise.all([
    startServer({ dbPath: join(dataDir, 'coverage.db'), port: 0, demo: true }),
    launchExtensionBrowser(),
  ]);
  gated = await startGatedApi(api.url);
});

afterAll(async () => {
  await Promise.all([browser?.close(), gated?.close(), api?.close()]);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  expect(browser.errors.splice(0)).toEqual([]);
});

describe('popup loading in Chromium', () => {
  it('goes from skeleton to summary to the whole story without moving what it showed', async () => {
    await browser.useApi(gated.url);
    gated.hold('/v1/lookup', '/v1/stories/', '/v1/outlets/');
    const article = await browser.context.newPage();
    await article.goto(`${api.url}${DEMO_ARTICLE}`);
    const tabId = await browser.tabIdOf(article);
    const popup = await browser.context.newPage();
    await popup.addInitScript(RECORD_SHIFTS);
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.emulateMedia({ reducedMotion: 'reduce' });
    await popup.goto(`chrome-extension://${browser.extensionId}/${POPUP}?tabId=${tabId}`);

    await popup.locator('.skeleton .bone-title').first().waitFor();
    const boneTitle = await boxOf(popup, '.skeleton .bone-title');
    const boneLines = await popup
      .locator('.skeleton .bone-title')
      .evaluateAll((bones) => bones.map((bone) => bone.getBoundingClientRect().top));
    const brand = await boxOf(popup, '.brand');

    // The lookup answers: the summary shows, the story's articles and the outlet still on their way.
    gated.release('/v1/lookup');
    await popup.locator('.story-title').waitFor();
    expect(await popup.locator('.skeleton .bone-outlet').count()).toBeGreaterThan(0);
    const title = await boxOf(popup, '.story-title');
    expect(title.y, 'the title where the skeleton drew it').toBe(boneTitle.y);
    expect(title.x).toBe(boneTitle.x);
    // The skeleton's title lines are spaced as the title's lines are.
    const lineHeight = await popup
      .locator('.story-title')
      .evaluate((h1) => parseFloat(getComputedStyle(h1).lineHeight));
    expect(boneLines).toHaveLength(2);
    expect(Math.abs((boneLines[1] ?? 0) - (boneLines[0] ?? 0) - lineHeight)).toBeLessThanOrEqual(1);
    expect(await boxOf(popup, '.brand')).toEqual(brand);

    gated.release('/v1/stories/');
    gated.release('/v1/outlets/');
    await popup.locator('.article .outlet-name').first().waitFor();
    await popup.locator('.page-outlet .outlet-owner').waitFor();
    const shifts = (await shiftsOf(popup)).filter((s) => !s.hadRecentInput);
    const cumulative = shifts.reduce((sum, s) => sum + s.value, 0);
    expect(cumulative, JSON.stringify(shifts, null, 1)).toBeLessThan(0.01);
    expect(await boxOf(popup, '.story-title')).toEqual(title);
  });
});
