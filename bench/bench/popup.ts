/**
 * `npm run bench -- popup [--runs N] [--json]`
 * The popup in real Chromium: the gzipped size of all the JS its page loads (zod and Preact
 * included, target ≤ 25 KB), and the time from opening it to the story on screen for a story the
 * background has cached (target: median ≤ 100 ms), against the API with the demo corpus; beside it
 * the floor, a script-free page of the same extension, which shows what the machine's load costs.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { startServer } from '../../src/server/start-server.js';
import { chromiumPath } from '../../tests/e2e/chromium-path.js';
import { CHROMIUM_SWITCHES } from '../../tests/e2e/chromium-switches.js';
import { optionValue } from '../lib/cli-args.js';
import { nearestRank } from '../lib/nearest-rank.js';
import { POPUP_HTML, popupScripts } from '../lib/popup-scripts.js';
import type { Report, Runner } from '../report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEMO_ARTICLE = '/demo/russia-torture-convention.html';
const DEFAULT_RUNS = 25;

/**
 * Records, from the page's own clock (0 = navigation start), when the story's title and when its
 * first article appear: installed before any popup script runs. A string, not a function: tsx
 * would wrap a function with helpers that do not exist in the page.
 */
const RECORD_WHEN_SHOWN = `(() => {
  const marks = {};
  window.popupMarks = marks;
  const observer = new MutationObserver(() => {
    if (marks.title === undefined && document.querySelector('.story-title')) marks.title = performance.now();
    if (marks.list === undefined && document.querySelector('.article .outlet-name')) marks.list = performance.now();
    if (marks.title !== undefined && marks.list !== undefined) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/**
 * The floor under the popup's numbers on this machine: a script-free page of the same extension with
 * the popup's stylesheet, written into the bench's own build. Its DOMContentLoaded is what opening
 * any extension page costs here, before a line of the popup's code runs.
 */
const FLOOR_HTML = 'src/extension/popup/floor.html';

async function writeFloorPage(distDir: string): Promise<void> {
  const popupHtml = await readFile(join(distDir, POPUP_HTML), 'utf8');
  const styles = popupHtml.match(/<link rel="stylesheet"[^>]*>/g) ?? [];
  await writeFile(
    join(distDir, FLOOR_HTML),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>${styles.join('')}</head><body><main class="popup"></main></body></html>`,
  );
}

async function floorReady(context: BrowserContext, origin: string): Promise<number> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`${origin}${FLOOR_HTML}`);
  const ready = await page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
  );
  await page.close();
  return ready;
}

async function openPopup(context: BrowserContext, origin: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`${origin}${POPUP_HTML}?tabId=${tabId}`);
  await popup.waitForFunction(() => {
    const marks = (window as unknown as { popupMarks?: Record<string, number> }).popupMarks;
    return marks?.['title'] !== undefined && marks['list'] !== undefined;
  });
  return popup;
}

const run: Runner = async (args) => {
  const loadAtStart = loadavg()[0]?.toFixed(1);
  const runs = Number(optionValue(args, '--runs') ?? DEFAULT_RUNS);
  const work = await mkdtemp(join(tmpdir(), 'coverage-lens-bench-popup-'));
  const distDir = join(work, 'dist');
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: distDir },
  });
  const scripts = await popupScripts(distDir);
  await writeFloorPage(distDir);
  const totalGzip = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);

  const api = await startServer({ dbPath: join(work, 'coverage.db'), port: 0, demo: true });
  const context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: chromiumPath(),
    headless: true,
    args: [`--disable-extensions-except=${distDir}`, `--load-extension=${distDir}`, ...CHROMIUM_SWITCHES],
  });
  const readyTimes: number[] = [];
  const titleTimes: number[] = [];
  const listTimes: number[] = [];
  const floorTimes: number[] = [];
  try {
    await context.addInitScript(RECORD_WHEN_SHOWN);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const origin = `chrome-extension://${new URL(worker.url()).host}/`;
    await worker.evaluate(async (apiBaseUrl) => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { set(v: object): Promise<void> } } };
      };
      await chrome.storage.local.set({ settings: { apiBaseUrl } });
    }, api.url);
    const article = await context.newPage();
    await article.goto(`${api.url}${DEMO_ARTICLE}`);
    const tabId = await worker.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      };
      return (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id;
    }, article.url());
    if (tabId === undefined) throw new Error('the demo article has no tab');
    // The first open fills the background's cache; the measured ones are served from it.
    await (await openPopup(context, origin, tabId)).close();
    for (let i = 0; i < runs; i += 1) {
      const popup = await openPopup(context, origin, tabId);
      const marks = await popup.evaluate(
        () => (window as unknown as { popupMarks: Record<string, number> }).popupMarks,
      );
      titleTimes.push(marks['title'] ?? NaN);
      readyTimes.push(
        await popup.evaluate(
          () =>
            (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
              .domContentLoadedEventEnd,
        ),
      );
      listTimes.push(marks['list'] ?? NaN);
      await popup.close();
      // Interleaved with the popup's opens, so that both see the same load on the machine.
      floorTimes.push(await floorReady(context, origin));
    }
  } finally {
    await context.close();
    await api.close();
    await rm(work, { recursive: true, force: true });
  }

  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  const ms = (x: number) => Math.round(x * 10) / 10;
  const report: Report = {
    name: 'popup',
    tables: [
      {
        title: 'Popup JS, gzipped (every file the popup page loads)',
        columns: ['file', 'KB', 'gzipped KB'],
        rows: [
          ...scripts.map((s) => [s.file, kb(s.bytes), kb(s.gzipBytes)]),
          ['total (target ≤ 25)', kb(scripts.reduce((sum, s) => sum + s.bytes, 0)), kb(totalGzip)],
        ],
      },
      {
        title: 'Popup time to story, cached (ms from opening)',
        columns: ['measure', 'median', 'p95', 'target', 'n'],
        rows: [
          [
            'floor: a script-free extension page ready (DOMContentLoaded)',
            ms(nearestRank(floorTimes, 50)),
            ms(nearestRank(floorTimes, 95)),
            '—',
            floorTimes.length,
          ],
          [
            'page ready (DOMContentLoaded: its scripts loaded and run)',
            ms(nearestRank(readyTimes, 50)),
            ms(nearestRank(readyTimes, 95)),
            '—',
            readyTimes.length,
          ],
          [
            'story title shown',
            ms(nearestRank(titleTimes, 50)),
            ms(nearestRank(titleTimes, 95)),
            'median ≤ 100',
            titleTimes.length,
          ],
          [
            'article list shown',
            ms(nearestRank(listTimes, 50)),
            ms(nearestRank(listTimes, 95)),
            '—',
            listTimes.length,
          ],
        ],
        note: `Chromium headless, built extension, demo corpus; one warm-up open fills the caches, then ${runs} opens of the popup for the same tab, each followed by one of the floor page; load average ${loadAtStart} at the start and ${loadavg()[0]?.toFixed(1)} at the end, on ${cpus().length} CPUs`,
      },
    ],
    data: {
      popupJsGzipBytes: totalGzip,
      scripts,
      timeToStory: {
        median: nearestRank(titleTimes, 50),
        p95: nearestRank(titleTimes, 95),
        runs: titleTimes,
      },
      pageReady: { median: nearestRank(readyTimes, 50), p95: nearestRank(readyTimes, 95) },
      floorReady: { median: nearestRank(floorTimes, 50), p95: nearestRank(floorTimes, 95) },
      timeToList: { median: nearestRank(listTimes, 50), p95: nearestRank(listTimes, 95) },
    },
  };
  return report;
};

export default run;
