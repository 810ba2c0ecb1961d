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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { LookupItem } from '../../src/core/contract.js';
import { SITES, startBadgeSites, UNGRANTED_HOST, type SiteName } from './badge-sites.js';
import { EXTENSION_DIR } from './extension-dir.js';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser.js';
import type { FakeApi } from './fake-api.js';
import { copyBuild, siteAccessOf, withHostsWithheld } from './grant-site-access.js';

export { siteUrl, storyFor, UNGRANTED_HOST } from './badge-sites.js';

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

export async function startBadgesBrowser(options: BadgesBrowserOptions = {}): Promise<BadgesBrowser> {
  const sites = await startBadgeSites(options.html);
  const { api, port } = sites;

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
    lookups: sites.lookups,
    async open(name, path) {
      const page = await browser.context.newPage();
      await page.goto(`http://${SITES[name].host}${path ?? SITES[name].path}`);
      return page;
    },
    revoke: (name) => access.revoke(`http://${SITES[name].host}/*`),
    grant: (name) => access.grant(`http://${SITES[name].host}/*`),
    async close() {
      await access.close();
      await Promise.all([browser.close(), sites.close()]);
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
