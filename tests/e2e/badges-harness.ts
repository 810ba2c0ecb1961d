/**
 * Chromium with a copy of the built extension for the badge tests: fixture pages served under real
 * outlet host names (`--host-resolver-rules` maps them to a local server, so the extension sees the
 * addresses it sees in the wild) and a recording fake API that knows a story for most headlines.
 *
 * Site access: headless Chromium cannot click a permission prompt, so the sites are granted the way
 * Chromium's own "Site access" controls do (grant-site-access.ts): on a copy of the build whose
 * hosts are withheld host permissions, each fixture site is granted one by one, and the extension
 * sees what it sees after a real grant (`permissions.onAdded`, the site in `permissions.getAll()`).
 * Not covered here: the prompt itself and the options page's call to `permissions.request`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { blindspotOf } from '../../src/core/bias-distribution.js';
import type { LookupItem, Story, StorySummary } from '../../src/core/contract.js';
import { EXTENSION_DIR } from './extension-dir.js';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser.js';
import { startFakeApi, type FakeApi } from './fake-api.js';
import { copyBuild, siteAccessOf, withHostsWithheld } from './grant-site-access.js';

export const FIXTURES = new URL('../fixtures/badges/', import.meta.url);

/** Each fixture page at its path on a real outlet's host. */
export const SITES = {
  newspaper: { host: 'www.wfaa.com', path: '/', file: 'newspaper-home.html' },
  aggregator: { host: 'www.drudgereport.com', path: '/', file: 'aggregator.html' },
  scroll: { host: 'www.kare11.com', path: '/latest', file: 'infinite-scroll.html' },
  app: { host: 'www.wkyc.com', path: '/app/news', file: 'single-page-app.html' },
  hostile: { host: 'www.king5.com', path: '/hostile', file: 'hostile.html' },
  cards: { host: 'www.11alive.com', path: '/', file: 'card-links.html' },
  article: {
    host: 'www.khou.com',
    path: '/article/news/local/harbor-tunnel-opens-after-five-years-of-work/285-1',
    file: 'article.html',
  },
} as const;
export type SiteName = keyof typeof SITES;

export const siteUrl = (name: SiteName) => `http://${SITES[name].host}${SITES[name].path}`;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** The fake API knows a story for two headlines in three (by URL), with counts that add up. */
export function storyFor(item: LookupItem): StorySummary | null {
  const h = hash(item.url ?? item.title);
  if (h % 3 === 0) return null;
  const left = h % 5;
  const center = (h >>> 3) % 4;
  const right = ((h >>> 6) % 4) + 1;
  const distribution = { left, center, right, unrated: 0 };
  return {
    id: `story-${h.toString(36)}`,
    title: `Story: ${item.title}`,
    sourceCount: left + center + right,
    firstPublishedAt: '2026-11-27T08:00:00.000Z',
    lastPublishedAt: '2026-11-27T10:00:00.000Z',
    distribution,
    blindspot: blindspotOf(distribution),
  };
}

/** The full story: one article per side; the right's link is plain http (drawn as text only). */
export function fullStory(summary: StorySummary): Story {
  const article = (n: number, lean: 'left' | 'center' | 'right', url: string) => ({
    url,
    title: `${lean} take ${n} on ${summary.title}`,
    publishedAt: `2026-11-27T0${n}:00:00.000Z`,
    outlet: { id: `outlet-${lean}`, name: `Outlet ${lean}`, domain: `${lean}.example`, lean },
  });
  return {
    ...summary,
    articles: [
      article(1, 'left', 'https://left.example/a/1'),
      article(2, 'center', 'https://center.example/a/2'),
      article(3, 'right', 'http://right.example/a/3'),
    ],
  };
}

export interface BadgesBrowser {
  browser: ExtensionBrowser;
  api: FakeApi;
  /** The lookup requests' items, one array per request. */
  lookups(): LookupItem[][];
  open(name: SiteName, path?: string): Promise<Page>;
  /** Takes a site's access back, or gives it again, as Chromium's "Site access" controls do. */
  revoke(name: SiteName): Promise<void>;
  grant(name: SiteName): Promise<void>;
  close(): Promise<void>;
}

export interface BadgesBrowserOptions {
  /** The built extension to copy (default: the one the end-to-end tests build). */
  extensionDir?: string;
  /** Markup to serve instead of a site's fixture file (the bench's 1,000-link page). */
  html?: Partial<Record<SiteName, string>>;
}

/** A news host where automatic mode stays off: the same pages, with no content script of ours. */
export const UNGRANTED_HOST = 'www.wusa9.com';

export async function startBadgesBrowser(options: BadgesBrowserOptions = {}): Promise<BadgesBrowser> {
  const stories = new Map<string, StorySummary>();
  const api = await startFakeApi((request) => {
    if (request.path === '/v1/lookup') {
      const items = (JSON.parse(request.body) as { items: LookupItem[] }).items;
      const results = items.map((item) => {
        const story = storyFor(item);
        if (story) stories.set(story.id, story);
        return { story, matchedBy: story ? 'url' : null, score: story ? 1 : null };
      });
      return { status: 200, body: { results } };
    }
    const summary = stories.get(decodeURIComponent(request.path.split('/').pop() ?? ''));
    return summary
      ? { status: 200, body: fullStory(summary) }
      : { status: 404, body: { error: { code: 'not-found', message: 'no story' } } };
  });
  const pages = createServer((request, response) => {
    const host = (request.headers.host ?? '').split(':')[0];
    // The ungranted host serves the newspaper page, for comparisons without the content script.
    const name =
      host === UNGRANTED_HOST
        ? 'newspaper'
        : (Object.keys(SITES) as SiteName[]).find((key) => SITES[key].host === host);
    // Any path of a fixture's host is that fixture (the app's routes, reloads after pushState).
    if (name === undefined) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(options.html?.[name] ?? readFileSync(new URL(SITES[name].file, FIXTURES)));
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  const { port } = pages.address() as AddressInfo;

  const extensionDir = mkdtempSync(join(tmpdir(), 'coverage-lens-badges-'));
  let apiOrigins: string[] = [];
  copyBuild(options.extensionDir ?? EXTENSION_DIR, extensionDir, (manifest) => {
    apiOrigins = [...manifest.host_permissions];
    withHostsWithheld(manifest);
  });
  const rules = [...Object.values(SITES).map(({ host }) => host), UNGRANTED_HOST].map(
    (host) => `MAP ${host} 127.0.0.1:${port}`,
  );
  const browser = await launchExtensionBrowser({
    extensionDir,
    args: [`--host-resolver-rules=${rules.join(', ')}`],
  });
  const access = await siteAccessOf(browser.context, browser.extensionId, apiOrigins);
  for (const { host } of Object.values(SITES)) await access.grant(`http://${host}/*`);
  // The grants reach the worker as permission events; it registers the content script for them.
  await browser.serviceWorker.evaluate(async (count) => {
    const { chrome } = globalThis as unknown as {
      chrome: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> } };
    };
    for (let tries = 0; tries < 100; tries += 1) {
      const [script] = await chrome.scripting.getRegisteredContentScripts();
      if ((script?.matches?.length ?? 0) >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the content script was not registered for the granted sites');
  }, Object.keys(SITES).length);
  await browser.useApi(api.url);

  return {
    browser,
    api,
    lookups: () =>
      api.requests
        .filter((request) => request.path === '/v1/lookup')
        .map((request) => (JSON.parse(request.body) as { items: LookupItem[] }).items),
    async open(name, path) {
      const page = await browser.context.newPage();
      await page.goto(`http://${SITES[name].host}${path ?? SITES[name].path}`);
      return page;
    },
    revoke: (name) => access.revoke(`http://${SITES[name].host}/*`),
    grant: (name) => access.grant(`http://${SITES[name].host}/*`),
    async close() {
      await access.close();
      await Promise.all([browser.close(), api.close(), new Promise((resolve) => pages.close(resolve))]);
      rmSync(extensionDir, { recursive: true, force: true });
    },
  };
}

/** Badge hosts in the page (the light-DOM elements; their insides are in closed shadow roots). */
export const hostCount = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('coverage-lens-badge').length);

/**
 * Waits until at least `atLeast` badges are drawn. Polls with its own timer: Playwright's waits
 * use the page's MutationObserver, which a hostile page may have replaced.
 */
export async function waitForHosts(page: Page, atLeast: number): Promise<number> {
  for (let tries = 0; tries < 100; tries += 1) {
    const count = await hostCount(page);
    if (count >= atLeast) return count;
    await page.waitForTimeout(100);
  }
  throw new Error(`fewer than ${atLeast} badges on ${page.url()}`);
}

export interface AxNode {
  role: string;
  name: string;
  focused: boolean;
}

/**
 * The page's accessibility tree as the browser exposes it to assistive technology, which (unlike
 * the page's scripts) sees inside closed shadow roots: how the tests read the badges' insides.
 */
export async function accessibleNodes(session: CDPSession): Promise<AxNode[]> {
  const { nodes } = (await session.send('Accessibility.getFullAXTree')) as {
    nodes: {
      ignored?: boolean;
      role?: { value?: string };
      name?: { value?: string };
      properties?: { name: string; value: { value?: unknown } }[];
    }[];
  };
  return nodes
    .filter((node) => !node.ignored)
    .map((node) => ({
      role: String(node.role?.value ?? ''),
      name: String(node.name?.value ?? ''),
      focused: node.properties?.some((p) => p.name === 'focused' && p.value.value === true) ?? false,
    }));
}

/** Presses Tab until the control named `name` has the focus, as a keyboard user would. */
export async function tabTo(page: Page, session: CDPSession, name: string): Promise<void> {
  for (let presses = 0; presses < 10; presses += 1) {
    const nodes = await accessibleNodes(session);
    if (nodes.some((node) => node.focused && node.name === name)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`no focusable control named ${name}`);
}
