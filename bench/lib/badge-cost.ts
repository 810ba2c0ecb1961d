/**
 * What inline badges cost a page, measured in Chromium with the built extension: a front page on a
 * granted outlet site, its badges drawn by the real content script against the recording fake API
 * of the end-to-end tests. Each load is compared with the same page on a news site where automatic
 * mode is off (same browser, same server, same init script), so the differences are the content
 * script's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { hostCount, siteUrl, startBadgesBrowser, UNGRANTED_HOST } from '../../tests/e2e/badges-harness.js';

const LOADS = 5;

export interface BadgeCost {
  /** The content script's main-thread script time per load, from a trace (ms). */
  scriptMs: number[];
  /** Of it: loading the script (compiling it, running its top level) and its callbacks (ms). */
  scriptLoadMs: number[];
  scriptCallbackMs: number[];
  /** The same events' thread CPU time (ms): what a loaded machine's waits do not inflate. */
  scriptCpuMs: number[];
  /** The longest task per load that ran any of the content script (ms). */
  scriptTaskMs: number[];
  /** The longest main-thread task of each load with the content script, and without (ms). */
  longestTaskMs: number[];
  controlLongestTaskMs: number[];
  /** Tasks over 50 ms, all loads together, with the content script and without. */
  longTasks: number;
  controlLongTasks: number;
  /** Lookup requests per load with an empty cache, and items per request. */
  requests: number[];
  items: number[];
  /** Lookup requests when the page is loaded again within the cache TTL. */
  repeatRequests: number;
  badges: number[];
  /** JS heap used with the content script minus without, per load (MB). */
  heapMb: number[];
}

/** Collects every long task from the start of the document (the page's own script world). */
const LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

async function metrics(page: Page): Promise<Record<string, number>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const { metrics: list } = (await session.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  await session.detach();
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread CPU time of the event (µs), when the trace has it. */
  tdur?: number;
  tid: number;
  args?: { data?: { url?: string } };
}

/** Our script's main-thread time and the longest task it ran in, from a Chromium trace. */
export interface ScriptTime {
  totalMs: number;
  /** Evaluating the script file (compile and top level); the rest is callbacks: timers, observers, frames. */
  loadMs: number;
  cpuMs: number;
  longestTaskMs: number;
}

/**
 * Loads `url` in `page` under Chromium's tracing and sums the time of the main thread's script
 * events (evaluation, compilation, callbacks) whose script is one of the extension's, and the
 * length of each task that ran any of it. Promise continuations (reading a lookup's reply) run as
 * microtasks the trace does not tie to a script, so they are not counted; the badges are drawn in
 * frame callbacks, which are.
 */
async function traceLoad(
  page: Page,
  url: string,
  extensionOrigin: string,
  until: () => Promise<unknown>,
): Promise<ScriptTime> {
  const session = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => session.on('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute',
    transferMode: 'ReportEvents',
  });
  await page.goto(url);
  await until();
  await session.send('Tracing.end');
  await done;
  await session.detach();
  const ours = events.filter(
    (event) =>
      event.ph === 'X' &&
      ['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.callFunction'].includes(event.name) &&
      (event.args?.data?.url ?? '').startsWith(extensionOrigin),
  );
  const tasks = events.filter((event) => event.ph === 'X' && event.name === 'RunTask');
  const outermost = ours.filter(
    (event) =>
      !ours.some(
        (other) =>
          other !== event &&
          other.tid === event.tid &&
          other.ts <= event.ts &&
          other.ts + (other.dur ?? 0) >= event.ts + (event.dur ?? 0) &&
          (other.ts < event.ts || (other.dur ?? 0) > (event.dur ?? 0)),
      ),
  );
  let longest = 0;
  for (const event of outermost) {
    const task = tasks.find(
      (t) => t.tid === event.tid && t.ts <= event.ts && t.ts + (t.dur ?? 0) >= event.ts + (event.dur ?? 0),
    );
    longest = Math.max(longest, (task?.dur ?? event.dur ?? 0) / 1000);
  }
  const ms = (list: TraceEvent[]) => list.reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000;
  return {
    totalMs: ms(outermost),
    loadMs: ms(outermost.filter((event) => ['EvaluateScript', 'v8.compile'].includes(event.name))),
    cpuMs: outermost.reduce((sum, event) => sum + (event.tdur ?? event.dur ?? 0), 0) / 1000,
    longestTaskMs: longest,
  };
}

/** Waits until the badge count has stopped changing for a while (all lookups answered). */
async function settled(page: Page): Promise<number> {
  let last = -1;
  let still = 0;
  for (let tries = 0; tries < 100 && still < 6; tries += 1) {
    await page.waitForTimeout(100);
    const count = await hostCount(page);
    still = count === last ? still + 1 : 0;
    last = count;
  }
  return last;
}

/** `root`: the checkout; `html`: the front page to serve on a granted site. */
export async function measureBadgeCost(root: string, html: string): Promise<BadgeCost> {
  const dir = await mkdtemp(join(tmpdir(), 'coverage-lens-bench-badges-'));
  const log = console.log;
  console.log = () => undefined;
  try {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir: dir },
    });
  } finally {
    console.log = log;
  }
  const run = await startBadgesBrowser({ extensionDir: dir, html: { newspaper: html } });
  const cost: BadgeCost = {
    scriptMs: [],
    scriptLoadMs: [],
    scriptCallbackMs: [],
    scriptCpuMs: [],
    scriptTaskMs: [],
    longestTaskMs: [],
    controlLongestTaskMs: [],
    longTasks: 0,
    controlLongTasks: 0,
    requests: [],
    items: [],
    repeatRequests: 0,
    badges: [],
    heapMb: [],
  };
  const clearCaches = () =>
    run.browser.serviceWorker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { session: { clear(): Promise<void> } } };
      };
      await chrome.storage.session.clear();
    });
  try {
    await run.browser.context.addInitScript(LONG_TASKS);
    for (let load = 0; load < LOADS; load += 1) {
      await clearCaches();
      const control = await run.browser.context.newPage();
      await control.goto(`http://${UNGRANTED_HOST}/`);
      await control.waitForTimeout(1500);
      const without = await metrics(control);
      const controlTasks = (await control.evaluate('window.__longTasks')) as number[];
      cost.controlLongestTaskMs.push(Math.max(0, ...controlTasks));
      cost.controlLongTasks += controlTasks.filter((duration) => duration > 50).length;
      await control.close();

      const before = run.lookups().length;
      const page = await run.browser.context.newPage();
      const origin = `chrome-extension://${run.browser.extensionId}/`;
      const traced = await traceLoad(page, siteUrl('newspaper'), origin, async () =>
        cost.badges.push(await settled(page)),
      );
      cost.scriptMs.push(traced.totalMs);
      cost.scriptLoadMs.push(traced.loadMs);
      cost.scriptCallbackMs.push(traced.totalMs - traced.loadMs);
      cost.scriptCpuMs.push(traced.cpuMs);
      cost.scriptTaskMs.push(traced.longestTaskMs);
      const withBadges = await metrics(page);
      const sent = run.lookups().slice(before);
      cost.requests.push(sent.length);
      cost.items.push(...sent.map((items) => items.length));
      const longTasks = (await page.evaluate('window.__longTasks')) as number[];
      cost.longestTaskMs.push(Math.max(0, ...longTasks));
      cost.longTasks += longTasks.filter((duration) => duration > 50).length;
      cost.heapMb.push(((withBadges.JSHeapUsedSize ?? 0) - (without.JSHeapUsedSize ?? 0)) / 2 ** 20);
      if (load === LOADS - 1) {
        const again = run.lookups().length;
        await page.reload();
        await settled(page);
        cost.repeatRequests = run.lookups().length - again;
      }
      await page.close();
    }
  } finally {
    await run.close();
    await rm(dir, { recursive: true, force: true });
  }
  return cost;
}
