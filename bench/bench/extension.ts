/**
 * `npm run bench -- extension [--data DIR] [--json]`
 * Content-script cost in real Chromium: extractArticle and Mozilla Readability's parse() on the same
 * evaluation pages in the same page, findHeadlineLinks on a synthetic 1,000-link front page, and the
 * gzipped size of the content script.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumPath } from '../../tests/e2e/chromium-path.js';
import { CHROMIUM_SWITCHES } from '../../tests/e2e/chromium-switches.js';
import { optionValue } from '../lib/cli-args.js';
import { nearestRank } from '../lib/nearest-rank.js';
import type { Report, Runner } from '../report.js';

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

/** The built extension's content script, if the extension has been built. */
async function builtContentScript(): Promise<{ name: string; bytes: Buffer } | null> {
  const dist = join(ROOT, 'dist/chrome');
  const manifestPath = join(dist, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const files = manifest.content_scripts?.flatMap((c) => c.js ?? []) ?? [];
  if (files.length === 0) {
    const assets = await readdir(join(dist, 'assets')).catch(() => [] as string[]);
    files.push(...assets.filter((f) => /content/i.test(f) && f.endsWith('.js')).map((f) => `assets/${f}`));
  }
  if (files.length === 0) return null;
  const parts = await Promise.all(files.map((f) => readFile(join(dist, f))));
  return { name: files.join(' + '), bytes: Buffer.concat(parts) };
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

function syntheticFront(links: number): string {
  const cards = Array.from({ length: links }, (_, i) => {
    const href = `/news/2024/05/${(i % 28) + 1}/story-number-${i}-about-the-council-budget-vote`;
    return i % 4 === 0
      ? `<article><a href="${href}"><img src="/i/${i}.jpg" alt=""></a><a href="${href}?utm_source=home">Read more</a></article>`
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
  const built = await builtContentScript();

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
    await page.setContent(syntheticFront(1000), { waitUntil: 'domcontentloaded' });
    await page.addScriptTag({ content: code });
    ({ times: linkTimes, count: linkCount } = (await page.evaluate(TIME_LINKS)) as {
      times: number[];
      count: number;
    });
  } finally {
    await browser.close();
  }

  const ours = timings.map((t) => t.ours);
  const theirs = timings.map((t) => t.readability);
  const oursMedian = nearestRank(ours, 50);
  const theirsMedian = nearestRank(theirs, 50);
  const linksMedian = nearestRank(linkTimes, 50);
  const sumRatio = theirs.reduce((a, b) => a + b, 0) / ours.reduce((a, b) => a + b, 0);
  const sizeBytes = built ? gzipSync(built.bytes).length : bundleGzip;
  const sizeSource = built
    ? `dist/chrome ${built.name}`
    : 'extractor + link finder bundle (no dist/chrome build)';
  const ms = (x: number) => Math.round(x * 1000) / 1000;

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
          [
            `content script gzipped (KB): ${sizeSource}`,
            Math.round((sizeBytes / 1024) * 10) / 10,
            null,
            '≤ 15',
            null,
          ],
          [
            'extractor + link finder bundle gzipped (KB)',
            Math.round((bundleGzip / 1024) * 10) / 10,
            null,
            '—',
            null,
          ],
        ],
        note: `pages: ${dataDir} with scripts other than JSON-LD stripped and subresources blocked; ${SAMPLES}×${CALLS} calls per page for ours, ${READABILITY_SAMPLES} parses of a fresh clone for Readability`,
      },
    ],
    data: {
      extract: { median: oursMedian, p95: nearestRank(ours, 95) },
      readability: { median: theirsMedian, p95: nearestRank(theirs, 95) },
      ratioMedian: theirsMedian / oursMedian,
      ratioTotal: sumRatio,
      links: { median: linksMedian, p95: nearestRank(linkTimes, 95), found: linkCount },
      contentScriptGzipBytes: sizeBytes,
      contentScriptSource: sizeSource,
      bundleGzipBytes: bundleGzip,
    },
  };
  return report;
};

export default run;
