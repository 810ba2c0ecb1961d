/** Chromium with the built extension loaded, collecting every error its pages and worker report. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from './chromium-path.js';
import { CHROMIUM_SWITCHES } from './chromium-switches.js';
import { EXTENSION_DIR } from './extension-dir.js';

/** The little of `chrome.*` the tests call inside the service worker (no @types/chrome needed). */
interface ChromeTabs {
  tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Errors from the extension's pages and service worker, as they happened. */
  errors: string[];
  /** Opens one of the extension's pages, e.g. `src/extension/popup/index.html?tabId=3`. */
  openExtensionPage(path: string): Promise<Page>;
  /** The browser's id of the tab showing `page`. */
  tabIdOf(page: Page): Promise<number>;
  /** Opens `url` in a tab, then the popup for that tab (in a tab of its own, popup-sized). */
  openPopupFor(url: string): Promise<Page>;
  /** Points the extension at an API, stored as the options page stores it. */
  useApi(apiBaseUrl: string): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** More Chromium switches, e.g. `--host-resolver-rules=MAP *.example-news.test 127.0.0.1`. */
  args?: string[];
  /** Another build to load instead of EXTENSION_DIR, e.g. the copy made by grant-site-access.ts. */
  extensionDir?: string;
}

export async function launchExtensionBrowser(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'coverage-lens-e2e-'));
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...CHROMIUM_SWITCHES,
      ...(options.args ?? []),
    ],
  });
  // Fail fast: every wait in these tests is for something that takes well under a second.
  context.setDefaultTimeout(10_000);
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  const origin = `chrome-extension://${extensionId}/`;
  const errors: string[] = [];
  context.on('console', (message) => {
    if (message.type() === 'error' && message.location().url.startsWith(origin)) errors.push(message.text());
  });
  context.on('weberror', (error) => {
    if (error.page()?.url().startsWith(origin)) errors.push(String(error.error()));
  });
  serviceWorker.on('console', (message) => {
    if (message.type() === 'error') errors.push(`service worker: ${message.text()}`);
  });

  const launched: ExtensionBrowser = {
    context,
    extensionId,
    serviceWorker,
    errors,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`${origin}${path}`);
      return page;
    },
    async tabIdOf(page) {
      const url = page.url();
      const id = await serviceWorker.evaluate(async (wanted) => {
        const { chrome } = globalThis as unknown as { chrome: ChromeTabs };
        return (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id;
      }, url);
      if (id === undefined) throw new Error(`no tab shows ${url}`);
      return id;
    },
    async openPopupFor(url) {
      const article = await context.newPage();
      await article.goto(url);
      const tabId = await launched.tabIdOf(article);
      const popup = await launched.openExtensionPage(`src/extension/popup/index.html?tabId=${tabId}`);
      await popup.setViewportSize({ width: 380, height: 600 });
      return popup;
    },
    async useApi(apiBaseUrl) {
      await serviceWorker.evaluate(async (url) => {
        const { chrome } = globalThis as unknown as {
          chrome: { storage: { local: { set(v: object): Promise<void> } } };
        };
        await chrome.storage.local.set({ settings: { apiBaseUrl: url } });
      }, apiBaseUrl);
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return launched;
}
