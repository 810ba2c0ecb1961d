/**
 * The reader's control over ratings, end to end in Chromium: import a ratings file on the options
 * page (with its report), choose its rater, override an outlet, and see the popup's split for the
 * demo story change; then export the overrides.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LookupResponse, Story } from '../../src/core/contract.js';
import { parseRatingsFile } from '../../src/core/ratings-file.js';
import { createOutletResolver } from '../../src/core/outlet-resolver.js';
import { OutletDirectory } from '../../src/core/outlet.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser.js';

const OPTIONS = 'src/extension/options/index.html';
const DEMO_ARTICLE = '/demo/russia-torture-convention.html';
const RATINGS_FILE = fileURLToPath(new URL('../fixtures/ratings/e2e-ratings.csv', import.meta.url));

let api: RunningServer;
let browser: ExtensionBrowser;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'coverage-lens-e2e-ratings-'));
  [api, browser] = await Promise.all([
    startServer({ dbPath: join(dataDir, 'coverage.db'), port: 0, demo: true }),
    launchExtensionBrowser(),
  ]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), api?.close()]);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  expect(browser.errors.splice(0)).toEqual([]);
});

async function optionsPage(): Promise<Page> {
  const options = await browser.openExtensionPage(OPTIONS);
  await options.locator('#api-base-url').fill(api.url);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText('Saved.').waitFor();
  return options;
}

/** The demo story as the API holds it, with the consensus: looked up by its Guardian article. */
async function demoStory(): Promise<Story> {
  const corpus = readFileSync(new URL('../../data/demo/articles.jsonl', import.meta.url), 'utf8');
  const guardian = corpus
    .split('\n')
    .filter((line) => line.includes('theguardian.com') && line.includes('russia-torture-convention'))
    .map((line) => JSON.parse(line) as { title: string; url: string })[0];
  const lookup = await fetch(`${api.url}/v1/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: [{ title: guardian?.title, url: guardian?.url }] }),
  });
  const id = LookupResponse.parse(await lookup.json()).results[0]?.story?.id;
  return Story.parse(await (await fetch(`${api.url}/v1/stories/${id}`)).json());
}

describe('ratings control in Chromium', () => {
  it('imports a ratings file, re-rates outlets, and the popup recounts the demo story', async () => {
    const options = await optionsPage();

    await options.locator('#rater').waitFor(); // the choices have loaded
    await options.locator('#ratings-file').setInputFiles(RATINGS_FILE);
    const report = options.locator('.import-report');
    await report.getByText('CSV: 4 ratings and 0 overrides imported, 2 rows rejected.').waitFor();
    const rejected = await report.locator('.rejected-rows li').allTextContents();
    expect(rejected).toEqual([
      'line 6: no outlet in the directory for domain "notanewssite.example"',
      expect.stringMatching(/^line 7: lean "sideways" is not on the scale/),
    ]);

    await options.locator('#rater').selectOption('example-rater');
    await options.locator('#rater-fallback').waitFor();
    expect(await options.locator('#rater-fallback').inputValue()).toBe('consensus');

    await options.locator('#outlet-search').fill('moscow times');
    await options.getByLabel('Override the lean of The Moscow Times').selectOption('center');
    const override = options.locator('.override');
    await override.getByText('The Moscow Times').waitFor();
    expect(await override.locator('.override-lean').textContent()).toBe('Center');

    // The consensus: 23 left, 3 center, 2 right, 3 unrated. The file makes the Guardian, the New
    // York Times, CNN and the Washington Post right-leaning; the override puts the Moscow Times center.
    const consensus = (await demoStory()).distribution;
    const popup = await browser.openPopupFor(`${api.url}${DEMO_ARTICLE}`);
    await popup.locator('.article').first().waitFor();
    const count = async (side: string) => popup.locator(`.legend-${side} .legend-count`).textContent();
    expect(await count('left')).toBe(`(${consensus.left - 4} outlets)`);
    expect(await count('center')).toBe(`(${consensus.center + 1} outlets)`);
    expect(await count('right')).toBe(`(${consensus.right + 4} outlets)`);
    expect(await count('unrated')).toBe(`(${consensus.unrated - 1} outlets)`);
    // With six of 29 rated outlets on the right, the right is no longer a blindspot.
    expect(await popup.locator('.blindspot').count()).toBe(0);
    // The outlet of the page being read (the Guardian) carries the chosen rater's label.
    expect(await popup.locator('.page-outlet .lean').textContent()).toBe('Right');
    await popup.close();

    // Exported overrides are a ratings file that imports as overrides again.
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const exported = readFileSync((await download.path()) ?? '', 'utf8');
    const directory = OutletDirectory.parse(
      JSON.parse(readFileSync(new URL('../../data/outlets.json', import.meta.url), 'utf8')),
    );
    expect(parseRatingsFile(exported, createOutletResolver(directory)).accepted).toEqual([
      expect.objectContaining({ outletId: 'the-moscow-times', rater: 'local-override', lean: 'center' }),
    ]);

    mkdirSync('test-results', { recursive: true });
    await options.screenshot({ path: 'test-results/ratings-options.png', fullPage: true });
    await override.getByRole('button', { name: 'Remove' }).click();
    await options.getByText('No overrides: every outlet has the chosen rater').waitFor();
    await options.close();
  });
});
