/**
 * `npm run bench -- popup [--runs N] [--json]`
 * The popup in real Chromium: the gzipped size of all the JS its page loads (zod and Preact
 * included, target ≤ 25 KB), and the time from opening it to the story on screen for a story the
 * background has cached (target: median ≤ 100 ms), against the API with the demo corpus; beside it
 * the floor, a script-free page of the same extension, which shows what the machine's load costs.
 * "On screen" is taken twice: when the title enters the page, and when the browser paints it
 * (Element Timing), which is what the reader sees.
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
 * first article enter the page, and when the title is painted (its `elementtiming` attribute):
 * installed before any popup script runs. A string, not a function: tsx would wrap a function
 * with helpers that do not exist in the page.
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
  new PerformanceObserver((entries) => {
    for (const e of entries.getEntries())
      if (e.identifier === 'story-title' && marks.painted === undefined) marks.painted = e.renderTime || e.loadTime;
  }).observe({ type: 'element', buffered: true });
})();`;

type Marks = Partial<Record<'title' | 'list' | 'painted', number>>;

async function marksOf(page: Page, wanted: (keyof Marks)[]): Promise<Marks> {
  await page.waitForFunction((keys) => {
    const marks = (window as unknown as { popupMarks?: Record<string, number> }).popupMarks;
    return keys.every((key) => marks?.[key] !== undefined);
  }, wanted);
  return page.evaluate(() => (window as unknown as { popupMarks: Marks }).popupMarks);
}

async function domContentLoaded(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
  );
}

/**
 * The floor under the popup's numbers on this machine: a script-free page of the same extension with
 * the popup's stylesheet and a story title in its markup, written into the bench's own build. Its
 * DOMContentLoaded and its title's paint are what opening any extension page costs here, before a
 * line of the popup's code runs.
 */
const FLOOR_HTML = 'src/extension/popup/floor.html';

async function writeFloorPage(distDir: string): Promise<void> {
  const popupHtml = await readFile(join(distDir, POPUP_HTML), 'utf8');
  const styles = popupHtml.match(/<link rel="stylesheet"[^>]*>/g) ?? [];
  await writeFile(
    join(distDir, FLOOR_HTML),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>${styles.join('')}</head><body><main class="popup"><h1 class="story-title" elementtiming="story-title">Russia withdraws from the anti-torture convention</h1></main></body></html>`,
  );
}

interface Opened {
  ready: number;
  marks: Marks;
}

/** Opens an extension page popup-sized and waits for the marks wanted; closes it again. */
async function openPage(context: BrowserContext, url: string, wanted: (keyof Marks)[]): Promise<Opened> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(url);
  const marks = await marksOf(page, wanted);
  const ready = await domContentLoaded(page);
  await page.close();
  return { ready, marks };
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
  const popupUrl = (origin: string, tabId: number) => `${origin}${POPUP_HTML}?tabId=${tabId}`;
  const popups: Opened[] = [];
  const floors: Opened[] = [];
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
    await openPage(context, popupUrl(origin, tabId), ['title', 'list']);
    for (let i = 0; i < runs; i += 1) {
      popups.push(await openPage(context, popupUrl(origin, tabId), ['title', 'list', 'painted']));
      // Interleaved with the popup's opens, so that both see the same load on the machine.
      floors.push(await openPage(context, `${origin}${FLOOR_HTML}`, ['painted']));
    }
  } finally {
    await context.close();
    await api.close();
    await rm(work, { recursive: true, force: true });
  }

  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  const ms = (x: number) => Math.round(x * 10) / 10;
  const of = (opened: Opened[], pick: (o: Opened) => number | undefined) => opened.map((o) => pick(o) ?? NaN);
  const floorReady = of(floors, (o) => o.ready);
  const floorPainted = of(floors, (o) => o.marks.painted);
  const pageReady = of(popups, (o) => o.ready);
  const title = of(popups, (o) => o.marks.title);
  const painted = of(popups, (o) => o.marks.painted);
  const list = of(popups, (o) => o.marks.list);
  const measures: [string, number[], string][] = [
    ['floor: a script-free extension page ready (DOMContentLoaded)', floorReady, '—'],
    ["floor: that page's static title painted", floorPainted, '—'],
    ['popup page ready (DOMContentLoaded: its script loaded and run)', pageReady, '—'],
    ['story title in the page', title, 'median ≤ 100'],
    ['story title painted', painted, '—'],
    ['article list in the page', list, '—'],
  ];
  const summary = (xs: number[]) => ({ median: nearestRank(xs, 50), p95: nearestRank(xs, 95) });
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
        rows: measures.map(([label, xs, target]) => [
          label,
          ms(nearestRank(xs, 50)),
          ms(nearestRank(xs, 95)),
          target,
          xs.length,
        ]),
        note: `Chromium headless, built extension, demo corpus; one warm-up open fills the caches, then ${runs} opens of the popup for the same tab, each followed by one of the floor page; paint times come in 4 ms steps; load average ${loadAtStart} at the start and ${loadavg()[0]?.toFixed(1)} at the end, on ${cpus().length} CPUs`,
      },
    ],
    data: {
      popupJsGzipBytes: totalGzip,
      scripts,
      timeToStory: { ...summary(title), runs: title },
      timeToPaintedTitle: summary(painted),
      pageReady: summary(pageReady),
      floorReady: summary(floorReady),
      floorPaintedTitle: summary(floorPainted),
      timeToList: summary(list),
    },
  };
  return report;
};

export default run;
