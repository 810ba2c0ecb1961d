/**
 * `npm run eval -- headlines [--data DIR] [--out FILE.jsonl] [--json] [--show-failures]`
 * Headline extraction accuracy on real saved pages (../shared/eval/headlines by default), against
 * Mozilla Readability and og:title alone measured in the same run; and how many of our own
 * not-an-article fixture pages would trigger a lookup.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { Window } from 'happy-dom';
import { headlineKey } from '../../src/core/headline-normalize.js';
import { extractArticle } from '../../src/extension/content/extraction/extract-article.js';
import { readJsonLd } from '../../src/extension/content/extraction/json-ld.js';
import { firstMeta, readMetaTags } from '../../src/extension/content/extraction/meta-tags.js';
import type { Report, Runner } from '../report.js';
import { optionValue } from '../lib/cli-args.js';

interface Case {
  id: string;
  file: string;
  url: string;
  title: string;
}

interface FixtureEntry {
  file: string;
  url: string;
  title: string | null;
  isArticle: boolean;
}

const DEFAULT_DATA = new URL('../../../shared/eval/headlines/', import.meta.url);
const FIXTURES = new URL('../../tests/fixtures/extraction/', import.meta.url);

/** A static DOM of the page: no scripts run, nothing is fetched. */
export function parsePage(html: string, url: string): { document: Document; close: () => Promise<void> } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { document, close: () => window.happyDOM.close() };
}

function ogTitle(doc: Document): string | null {
  return (
    doc.querySelector('meta[property="og:title"], meta[name="og:title"]')?.getAttribute('content') ?? null
  );
}

/** The raw places a page states its headline, for reading a miss by eye (`--show-failures`). */
function headlineSources(doc: Document): string {
  const meta = readMetaTags(doc);
  const article = readJsonLd(doc).articles[0];
  const h1s = [...doc.getElementsByTagName('h1')]
    .slice(0, 3)
    .map((h) => h.textContent?.replace(/\s+/g, ' ').trim());
  const rows: [string, string | null | undefined][] = [
    ['json-ld', article?.headline ?? article?.name],
    ['og:title', firstMeta(meta, 'og:title')],
    ['twitter:title', firstMeta(meta, 'twitter:title')],
    ['title', doc.title],
    ...h1s.map((h): [string, string | undefined] => ['h1', h]),
  ];
  return rows
    .filter(([, text]) => text)
    .map(([source, text]) => `  ${source.padEnd(13)} ${text}`)
    .join('\n');
}

function readability(doc: Document): string | null {
  try {
    return new Readability(doc.cloneNode(true) as Document).parse()?.title ?? null;
  } catch {
    return null;
  }
}

const METHODS = ['coverage-lens', 'readability', 'og:title'] as const;
type Method = (typeof METHODS)[number];

const run: Runner = async (args) => {
  const dataDir = optionValue(args, '--data');
  const base = dataDir
    ? new URL(`file://${fileURLToPath(new URL(dataDir.replace(/\/?$/, '/'), `file://${process.cwd()}/`))}`)
    : DEFAULT_DATA;
  const outFile = optionValue(args, '--out');
  const showFailures = args.includes('--show-failures');
  const cases = (await readFile(new URL('cases.jsonl', base), 'utf8'))
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Case);

  const exact: Record<Method, number> = { 'coverage-lens': 0, readability: 0, 'og:title': 0 };
  const contained: Record<Method, number> = { 'coverage-lens': 0, readability: 0, 'og:title': 0 };
  let recognised = 0;
  const predictions: string[] = [];
  for (const c of cases) {
    const raw = await readFile(new URL(c.file, base));
    const html = (c.file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
    const { document, close } = parsePage(html, c.url);
    const ours = extractArticle(document, c.url);
    const titles: Record<Method, string | null> = {
      'coverage-lens': ours.title,
      readability: readability(document),
      'og:title': ogTitle(document),
    };
    const gold = headlineKey(c.title);
    if (showFailures && headlineKey(ours.title ?? '') !== gold) {
      console.error(`✗ ${c.id} ${c.url}\n  gold:         ${c.title}\n  ours:         ${ours.title}`);
      console.error(`${headlineSources(document)}\n`);
    }
    await close();
    for (const m of METHODS) {
      const predicted = headlineKey(titles[m] ?? '');
      if (predicted === gold) exact[m] += 1;
      if (predicted.includes(gold)) contained[m] += 1;
    }
    if (ours.isArticle) recognised += 1;
    predictions.push(JSON.stringify({ id: c.id, title: ours.title, isArticle: ours.isArticle }));
  }
  if (outFile) await writeFile(outFile, `${predictions.join('\n')}\n`);

  const fixtures = JSON.parse(await readFile(new URL('fixtures.json', FIXTURES), 'utf8')) as FixtureEntry[];
  const notArticles = fixtures.filter((f) => !f.isArticle);
  let triggered = 0;
  for (const f of notArticles) {
    const { document, close } = parsePage(await readFile(new URL(f.file, FIXTURES), 'utf8'), f.url);
    const info = extractArticle(document, f.url);
    if (info.isArticle && info.title) triggered += 1;
    await close();
  }

  const n = cases.length;
  const pct = (k: number) => Math.round((1000 * k) / n) / 10;
  const rows = METHODS.map((m) => [m, pct(exact[m]), pct(contained[m]), n]);
  const report: Report = {
    name: 'headlines',
    tables: [
      {
        title:
          'Headline extraction (exact and contained after NFKC, straight quotes, collapsed spaces, case fold)',
        columns: ['method', 'exact %', 'contained %', 'n'],
        rows,
        note: `data: ${fileURLToPath(base)}; target ≥ 95% exact; recognised as articles: ${recognised}/${n}`,
      },
      {
        title: 'Not-an-article fixture pages (tests/fixtures/extraction)',
        columns: ['pages', 'would trigger a lookup', '%'],
        rows: [
          [
            notArticles.length,
            triggered,
            notArticles.length ? Math.round((1000 * triggered) / notArticles.length) / 10 : 0,
          ],
        ],
        note: 'target ≤ 2% triggering',
      },
    ],
    data: {
      n,
      exact: Object.fromEntries(METHODS.map((m) => [m, exact[m] / n])),
      contained: Object.fromEntries(METHODS.map((m) => [m, contained[m] / n])),
      articlesRecognised: recognised / n,
      notArticlePages: notArticles.length,
      notArticleTriggered: triggered,
    },
  };
  return report;
};

export default run;
