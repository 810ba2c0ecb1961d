/**
 * `npm run bench -- extension [--data DIR] [--runs N] [--json]`
 * Content-script cost in real Chromium: extractArticle and Mozilla Readability's parse() on the same
 * evaluation pages in the same page, findHeadlineLinks on a synthetic 1,000-link front page, and the
 * gzipped size of each content script of a fresh build; then the popup's tables of
 * `npm run bench -- popup` (JS size, time to a cached story), which issue #5 asks of this command.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumPath } from '../../tests/e2e/chromium-path.js';
import { CHROMIUM_SWITCHES } from '../../tests/e2e/chromium-switches.js';
import { optionValue } from '../lib/cli-args.js';
import { nearestRank } from '../lib/nearest-rank.js';
import { measureBadgeCost } from '../lib/badge-cost.js';
import type { Report, Runner } from '../report.js';
import popupBench from './popup.js';

/** Benchmarks this one runs too: `npm run bench` with no name runs them once, here. */
export const includes = ['popup'];

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_DATA = fileURLToPath(new URL('../../../shared/eval/headlines/', import.meta.url));
const EXTRACTION = join(ROOT, 'src/extension/content/extraction/');
const READABILITY = join(ROOT, 'node_modules/@mozilla/readability/Readability.js');
/** Timed calls per sample (performance.now() is coarse in Chromium) and samples per page. */
const CALLS = 10;
const SAMPLES = 5;
const READABILITY_SAMPLES = 3;

interface Case {
  id: string;
  file: string;
  url: string;
}

interface PageTiming {
  ours: number;
  readability: number;
}

/** Bundles the extractor and the link finder into one IIFE (global `CoverageLensBench`). */
async function bundle(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'coverage-lens-bench-'));
  try {
    const entry = join(dir, 'entry.ts');
    await writeFile(
      entry,
      `export { extractArticle } from ${JSON.stringify(join(EXTRACTION, 'extract-article.ts'))};\n` +
        `export { findHeadlineLinks } from ${JSON.stringify(join(EXTRACTION, 'find-headline-links.ts'))};\n`,
    );
    await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      build: {
        outDir: join(dir, 'out'),
        emptyOutDir: true,
        minify: true,
        lib: { entry, name: 'CoverageLensBench', formats: ['iife'], fileName: () => 'bench.js' },
      },
    });
    return await readFile(join(dir, 'out', 'bench.js'), 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface ScriptSize {
  file: string;
  gzipBytes: number;
}

/**
 * Builds the extension with its own config into a temporary folder (never dist/, which may be stale
 * or someone else's) and measures each content script crxjs emits, gzipped.
 */
async function contentScriptSizes(): Promise<ScriptSize[]> {
  const dir = await mkdtemp(join(tmpdir(), 'coverage-lens-bench-build-'));
  // crxjs reports its content-script builds with console.log, which would break --json output.
  const log = console.log;
  console.log = () => undefined;
  try {
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir: dir },
    });
    const scripts = join(dir, 'src/extension/content');
    const files = (await readdir(scripts)).filter((f) => f.endsWith('.js')).sort();
    return await Promise.all(
      files.map(async (file) => ({ file, gzipBytes: gzipSync(await readFile(join(scripts, file))).length })),
    );
  } finally {
    console.log = log;
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The page as static markup: no scripts but JSON-LD, no inline handlers, no refresh, so that only
 * the injected bench code runs (page JavaScript must stay on for that code to run at all).
 */
function staticMarkup(html: string): string {
  return html
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/\s on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, ' ')
    .replace(/<meta[^>]+http-equiv\s*=\s*["']?refresh[^>]*>/gi, '');
}

/**
 * The pictures of the synthetic front: an image in the page (1 pixel, so the page keeps the layout
 * its measurements have always had). Served from the badge tests' fixture server, each picture's
 * address would answer with the page itself: 250 copies of the markup failing to decode as images
 * while the badges are measured, each batch of them laying out the whole page again, in the frames
 * the badges are drawn in too.
 */
const PICTURE = 'data:image/gif;base64,R0lGODlhAQABAIAAAMzMzAAAACwAAAAAAQABAAACAkQBADs=';

function syntheticFront(links: number): string {
  const cards = Array.from({ length: links }, (_, i) => {
    const href = `/news/2024/05/${(i % 28) + 1}/story-number-${i}-about-the-council-budget-vote`;
    return i % 4 === 0
      ? `<article><a href="${href}"><img src="${PICTURE}" alt=""></a><a href="${href}?utm_source=home">Read more</a></article>`
      : `<article><h3><a href="${href}">Story number ${i} about the council budget vote</a></h3><p>Teaser ${i}.</p></article>`;
  }).join('\n');
  return `<!doctype html><html><head><title>Front</title></head><body><nav><a href="/news/">News</a></nav><main>${cards}</main></body></html>`;
}

/*
 * In-page code is passed as source text: the TypeScript loader decorates functions with helpers that
 * do not exist inside the page.
 */
const MEDIAN = 'const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];';

function timePage(url: string): string {
  return `(() => {
    ${MEDIAN}
    const { extractArticle } = window.CoverageLensBench;
    const url = ${JSON.stringify(url)};
    extractArticle(document, url);
    const ours = [];
    for (let s = 0; s < ${SAMPLES}; s += 1) {
      const t0 = performance.now();
      for (let i = 0; i < ${CALLS}; i += 1) extractArticle(document, url);
      ours.push((performance.now() - t0) / ${CALLS});
    }
    const theirs = [];
    for (let s = 0; s < ${READABILITY_SAMPLES}; s += 1) {
      const clone = document.cloneNode(true);
      const t0 = performance.now();
      new Readability(clone).parse();
      theirs.push(performance.now() - t0);
    }
    return { ours: median(ours), readability: median(theirs) };
  })()`;
}

const TIME_LINKS = `(() => {
  const { findHeadlineLinks } = window.CoverageLensBench;
  const times = [];
  let count = 0;
  for (let i = 0; i < 25; i += 1) {
    const t0 = performance.now();
    count = findHeadlineLinks(document, 'https://front.example/', { max: 1000 }).length;
    times.push(performance.now() - t0);
  }
  return { times: times.slice(5), count };
})()`;

const run: Runner = async (args) => {
  const dataDir = optionValue(args, '--data') ?? DEFAULT_DATA;
  const cases = (await readFile(join(dataDir, 'cases.jsonl'), 'utf8'))
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Case);
  const [code, readability] = await Promise.all([bundle(), readFile(READABILITY, 'utf8')]);
  const bundleGzip = gzipSync(code).length;
  const scripts = await contentScriptSizes();
  const badges = await measureBadgeCost(ROOT, syntheticFront(1000));

  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_SWITCHES,
  });
  const timings: PageTiming[] = [];
  let linkTimes: number[] = [];
  let linkCount = 0;
  try {
    const page = await browser.newPage();
    // Nothing leaves the machine: every subresource request is refused.
    await page.route('**/*', (route) => route.abort());
    for (const c of cases) {
      const raw = await readFile(join(dataDir, c.file));
      const html = (c.file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
      await page.setContent(staticMarkup(html), { waitUntil: 'domcontentloaded' });
      await page.addScriptTag({ content: `${code}\n${readability}` });
      timings.push((await page.evaluate(timePage(c.url))) as PageTiming);
    }
    // A fresh page: the one above holds a script copy and the leftovers of every evaluation page,
    // whose garbage would be collected during, and charged to, the link finder's runs.
    const front = await browser.newPage();
    await front.route('**/*', (route) => route.abort());
    await front.setContent(syntheticFront(1000), { waitUntil: 'domcontentloaded' });
    await front.addScriptTag({ content: code });
    ({ times: linkTimes, count: linkCount } = (await front.evaluate(TIME_LINKS)) as {
      times: number[];
      count: number;
    });
  } finally {
    await browser.close();
  }
  // After the content scripts' browser has closed, so that the popup's timings do not share the machine with it.
  const popup = await popupBench(args);

  const ours = timings.map((t) => t.ours);
  const theirs = timings.map((t) => t.readability);
  const oursMedian = nearestRank(ours, 50);
  const theirsMedian = nearestRank(theirs, 50);
  const linksMedian = nearestRank(linkTimes, 50);
  const sumRatio = theirs.reduce((a, b) => a + b, 0) / ours.reduce((a, b) => a + b, 0);
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  const ms = (x: number) => Math.round(x * 1000) / 1000;
  /** A row of times: median, p95, target, count. */
  const msRow = (label: string, times: number[], target: string) => [
    label,
    ms(nearestRank(times, 50)),
    ms(nearestRank(times, 95)),
    target,
    times.length,
  ];

  const report: Report = {
    name: 'extension',
    tables: [
      {
        title: 'Content script cost in Chromium (per page, ms)',
        columns: ['measure', 'median', 'p95', 'target', 'n'],
        rows: [
          ['extractArticle', ms(oursMedian), ms(nearestRank(ours, 95)), 'median ≤ 1, p95 ≤ 5', ours.length],
          ['Readability parse()', ms(theirsMedian), ms(nearestRank(theirs, 95)), '—', theirs.length],
          ['Readability / ours (median of medians)', ms(theirsMedian / oursMedian), null, '≥ 10', null],
          ['Readability / ours (total time)', ms(sumRatio), null, '≥ 10', null],
          [
            `findHeadlineLinks, 1,000-link page (${linkCount} found)`,
            ms(linksMedian),
            ms(nearestRank(linkTimes, 95)),
            'median ≤ 10',
            linkTimes.length,
          ],
          ...scripts.map((s) => [
            `content script ${s.file} gzipped (KB)`,
            kb(s.gzipBytes),
            null,
            '≤ 15',
            null,
          ]),
          ['extractor + link finder bundle gzipped (KB)', kb(bundleGzip), null, '—', null],
          msRow(
            'badges, 1,000-link page: all the content script costs the main thread per load',
            badges.totalMs,
            '≤ 30',
          ),
          msRow('badges: the same, thread CPU time', badges.totalCpuMs, '—'),
          msRow('badges: of it, script events the trace ties to the content script', badges.scriptMs, '—'),
          msRow('badges: … loading the script (compile, top level)', badges.scriptLoadMs, '—'),
          msRow('badges: … its callbacks (link scan, observers, drawing)', badges.scriptCallbackMs, '—'),
          msRow('badges: … their thread CPU time', badges.scriptCpuMs, '—'),
          msRow('badges: of it, promise continuations (lookup replies)', badges.microtaskMs, '—'),
          msRow('badges: of it, style, layout and paint of the badge frames', badges.renderMs, '—'),
          msRow('badges: … their thread CPU time', badges.renderCpuMs, '—'),
          msRow('badges: longest task running the content script', badges.scriptTaskMs, '≤ 50'),
          msRow(
            `badges: longest task of the load, any (${badges.longTasks} over 50 ms in all)`,
            badges.longestTaskMs,
            'none over 50',
          ),
          msRow(
            `same page, automatic mode off: longest task (${badges.controlLongTasks} over 50 ms)`,
            badges.controlLongestTaskMs,
            '—',
          ),
          ['badges drawn per load', nearestRank(badges.badges, 50), null, '—', badges.badges.length],
          [
            'badges: lookup requests per load, empty cache',
            nearestRank(badges.requests, 50),
            Math.max(...badges.requests),
            '≤ 50 items each',
            badges.requests.length,
          ],
          [
            'badges: items per lookup request',
            nearestRank(badges.items, 50),
            Math.max(...badges.items),
            '≤ 50',
            badges.items.length,
          ],
          ['badges: lookup requests on a reload within the TTL', badges.repeatRequests, null, '0', 1],
          msRow('badges: JS heap, with − without content script (MB)', badges.heapMb, '—'),
        ],
        note: `pages: ${dataDir} with scripts other than JSON-LD stripped and subresources blocked; ${SAMPLES}×${CALLS} calls per page for ours, ${READABILITY_SAMPLES} parses of a fresh clone for Readability; badges: the 1,000-link page on a granted outlet site with the built extension and a fake API, caches cleared before each load, no scrolling (links near the first viewport are looked up); the main-thread total, from a trace of each load on the page's renderer main thread, is the content script's own events (evaluation, compilation, callbacks: timers, observers, the animation frame the badges are drawn in), the microtask checkpoints run outside them from its first evaluation on (its promise continuations, which a trace ties to no script; the page runs no script of its own, and the harness runs none in it while tracing), and the style, layout and paint of the tasks whose frame callback drew badges (an upper bound: the page's own updates may share that frame); garbage collection is not counted; the page's pictures are images in the page (data: URLs), so none arrives during the badge frames, and the trace stays in the browser until each load ends; wall time on a shared machine includes waits for a core, the CPU-time rows do not (in traces the gap lies in pure computation such as layout, in proportion to its length: the thread ready but off a core; waits on the compositor's commit are under 2 ms); load average ${badges.loadAverage.start.toFixed(1)} at the first load and ${badges.loadAverage.end.toFixed(1)} after the last, on ${cpus().length} CPUs`,
      },
      ...popup.tables,
    ],
    data: {
      extract: { median: oursMedian, p95: nearestRank(ours, 95) },
      readability: { median: theirsMedian, p95: nearestRank(theirs, 95) },
      ratioMedian: theirsMedian / oursMedian,
      ratioTotal: sumRatio,
      links: { median: linksMedian, p95: nearestRank(linkTimes, 95), found: linkCount },
      contentScriptGzipBytes: Object.fromEntries(scripts.map((s) => [s.file, s.gzipBytes])),
      bundleGzipBytes: bundleGzip,
      badges,
      popup: popup.data,
    },
  };
  return report;
};

export default run;
