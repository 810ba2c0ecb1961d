/**
 * Automatic mode after the reader grants a site, in real Chromium: the grant comes from the
 * browser's own site-access controls (see grant-site-access.ts for why, and what that leaves
 * out). The options page lists the site, the content script is registered for it and runs there,
 * and revoking the site stops it at once.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LookupResponse } from '../../src/core/contract.js';
import { summary } from '../extension/api-fixtures.js';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser.js';
import { EXTENSION_DIR } from './extension-dir.js';
import { startFakeApi, type FakeApi } from './fake-api.js';
import { copyBuild, siteAccessOf, withHostsWithheld, type SiteAccess } from './grant-site-access.js';
import { articlePage, serveTestPages, type TestPages } from './test-pages.js';

const OPTIONS = 'src/extension/options/index.html';
const GRANTED_HOST = 'www.example-news.test';
const OTHER_HOST = 'news.example-news.test';

const withheldDir = `${EXTENSION_DIR}-withheld-hosts`;
let api: FakeApi;
let pages: TestPages;
let browser: ExtensionBrowser;
let access: SiteAccess;

beforeAll(async () => {
  copyBuild(EXTENSION_DIR, withheldDir, withHostsWithheld);
  [api, pages] = await Promise.all([
    startFakeApi((request) =>
      request.path === '/v1/lookup'
        ? {
            status: 200,
            body: {
              results: [{ story: summary, matchedBy: 'text', score: 0.9 }],
            } satisfies LookupResponse,
          }
        : { status: 404, body: { error: { code: 'not_found', message: 'no' } } },
    ),
    serveTestPages(),
  ]);
  browser = await launchExtensionBrowser({
    extensionDir: withheldDir,
    args: [`--host-resolver-rules=MAP *.example-news.test 127.0.0.1`],
  });
  await browser.useApi(api.url);
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    host_permissions: string[];
  };
  access = await siteAccessOf(browser.context, browser.extensionId, manifest.host_permissions);
});

afterAll(async () => {
  await Promise.all([browser?.close(), api?.close(), pages?.close()]);
  rmSync(withheldDir, { recursive: true, force: true });
});

afterEach(() => {
  expect(browser.errors.splice(0)).toEqual([]);
});

const lookedUpTitles = () =>
  api.requests
    .filter((request) => request.path === '/v1/lookup')
    .flatMap((request) => (JSON.parse(request.body) as { items: { title: string }[] }).items)
    .map((item) => item.title);

function registeredMatches(): Promise<string[]> {
  return browser.serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> } };
    };
    return (await chrome.scripting.getRegisteredContentScripts())
      .flatMap((script) => script.matches ?? [])
      .sort();
  });
}

async function openArticle(host: string, path: string, headline: string): Promise<Page> {
  pages.set(path, articlePage({ headline }));
  const tab = await browser.context.newPage();
  await tab.goto(pages.url(path, host));
  return tab;
}

describe('automatic mode after a grant', () => {
  it('runs on a granted site only, shows it in the options, and stops at once when revoked', async () => {
    const before = await openArticle(GRANTED_HOST, '/news/before', 'Ferry timetable changes for winter');
    await before.waitForLoadState('load');
    expect(await registeredMatches()).toEqual([]);

    await access.grant(`http://${GRANTED_HOST}/*`);
    // The site's pages, and apart its front page (its script carries no article extractor).
    await expect.poll(registeredMatches).toEqual([`http://${GRANTED_HOST}/`, `http://${GRANTED_HOST}/*`]);
    const options = await browser.openExtensionPage(OPTIONS);
    await expect
      .poll(() => options.locator('.automatic-sites li span').allTextContents())
      .toEqual([GRANTED_HOST]);

    const article = await openArticle(GRANTED_HOST, '/news/bridge', summary.title);
    await expect.poll(lookedUpTitles).toEqual([summary.title]);
    const tabId = await browser.tabIdOf(article);
    const badge = () =>
      browser.serviceWorker.evaluate(async (id) => {
        const { chrome } = globalThis as unknown as {
          chrome: { action: { getBadgeText(d: object): Promise<string> } };
        };
        return chrome.action.getBadgeText({ tabId: id });
      }, tabId);
    await expect.poll(badge).toBe(String(summary.sourceCount));

    await access.revoke(`http://${GRANTED_HOST}/*`);
    await expect.poll(registeredMatches).toEqual([]);
    await options.getByText('Automatic mode is off on every site.').waitFor();
    // The revoked site first, then a newly granted one: once the second page's lookup arrives,
    // the first page had its chance to send one and did not.
    await access.grant(`http://${OTHER_HOST}/*`);
    await expect.poll(registeredMatches).toEqual([`http://${OTHER_HOST}/`, `http://${OTHER_HOST}/*`]);
    await openArticle(GRANTED_HOST, '/news/after', 'Council approves new cycle lanes');
    await openArticle(OTHER_HOST, '/news/other', 'Library extends opening hours');
    await expect.poll(lookedUpTitles).toContain('Library extends opening hours');
    expect(lookedUpTitles()).not.toContain('Council approves new cycle lanes');
    expect(lookedUpTitles()).not.toContain('Ferry timetable changes for winter');
    await access.revoke(`http://${OTHER_HOST}/*`);
    await access.close();
  });
});
