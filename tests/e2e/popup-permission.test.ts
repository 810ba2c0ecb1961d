/**
 * The popup's "permission needed" state in real Chromium: a site the extension may not read shows
 * a button that asks for it, and nothing is sent. The popup learns the tab's address from the
 * click's activeTab grant, which a test cannot give, so the test loads a copy of the build that
 * holds the `tabs` permission instead. The prompt that the button opens cannot be answered in
 * headless Chromium, so what follows a grant is not covered here (see grant-site-access.ts).
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser.js';
import { EXTENSION_DIR } from './extension-dir.js';
import { startFakeApi, type FakeApi } from './fake-api.js';
import { copyBuild } from './grant-site-access.js';
import { checkAndShoot } from './popup-checks.js';
import { articlePage, serveTestPages, type TestPages } from './test-pages.js';

const POPUP = 'src/extension/popup/index.html';
const HOST = 'www.example-news.test';

const copyDir = `${EXTENSION_DIR}-popup-permission`;
let api: FakeApi;
let pages: TestPages;
let browser: ExtensionBrowser;

beforeAll(async () => {
  copyBuild(EXTENSION_DIR, copyDir, (manifest) => manifest.permissions.push('tabs'));
  [api, pages] = await Promise.all([
    // Counts requests: there must be none.
    startFakeApi(() => ({ status: 404, body: { error: { code: 'not_found', message: 'no' } } })),
    serveTestPages(),
  ]);
  browser = await launchExtensionBrowser({
    extensionDir: copyDir,
    args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  });
  await browser.useApi(api.url);
});

afterAll(async () => {
  await Promise.all([browser?.close(), api?.close(), pages?.close()]);
  rmSync(copyDir, { recursive: true, force: true });
});

afterEach(() => {
  expect(browser.errors.splice(0)).toEqual([]);
});

describe('popup: permission needed', () => {
  it('asks for a site it may not read with a button, and sends nothing', async () => {
    pages.set('/news/bridge', articlePage({ headline: 'Harbour bridge reopens after two-year repair' }));
    const article = await browser.context.newPage();
    await article.goto(pages.url('/news/bridge', HOST));
    const tabId = await browser.tabIdOf(article);
    const popup = await browser.openExtensionPage(`${POPUP}?tabId=${tabId}`);
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByText('Coverage Lens needs your permission').waitFor();
    const allow = popup.getByRole('button', { name: 'Allow access' });
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Allow access');
    expect(await allow.isEnabled()).toBe(true);
    await checkAndShoot(popup, 'permission');
    expect(api.requests).toEqual([]);
  });
});
