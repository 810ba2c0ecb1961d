/**
 * What inline badges cost a page, measured in Chromium with the built extension: a front page on a
 * granted outlet site, its badges drawn by the real content script against the recording fake API
 * of the end-to-end tests. Each load is compared with the same page on a news site where automatic
 * mode is off (same browser, same server, same init script), so the differences are the content
 * script's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { hostCount, siteUrl, startBadgesBrowser, UNGRANTED_HOST } from '../../tests/e2e/badges-harness.js';

const LOADS = 5;

export interface BadgeCost {
  /**
   * Everything the content script cost the page's main thread per load, from a trace (ms): its
   * script events, its promise continuations and the rendering of the frames it drew badges in.
   */
  totalMs: number[];
  /** The same, thread CPU time (ms): what a loaded machine's waits do not inflate. */
  totalCpuMs: number[];
  /** Of it: the events the trace ties to the script (ms). */
  scriptMs: number[];
  /** Of it: loading the script (compiling it, running its top level) and its callbacks (ms). */
  scriptLoadMs: number[];
  scriptCallbackMs: number[];
  /** Of it: promise continuations (reading lookup replies), and the badge frames' style, layout and paint (ms). */
  microtaskMs: number[];
  renderMs: number[];
  /** The badge frames' rendering in thread CPU time (ms). */
  renderCpuMs: number[];
  /** The script events' thread CPU time (ms): what a loaded machine's waits do not inflate. */
  scriptCpuMs: number[];
  /** The longest task per load that ran any of the content script, continuations included (ms). */
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
  /** The machine's one-minute load average when the loads began and when they ended. */
  loadAverage: { start: number; end: number };
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
interface ScriptTime {
  /** All of it: the script's events, its promise continuations, the drawing frames' rendering. */
  totalMs: number;
  totalCpuMs: number;
  /** The events the trace ties to the script: evaluation, compilation, callbacks. */
  scriptMs: number;
  /** Evaluating the script file (compile and top level); the rest is callbacks: timers, observers, frames. */
  loadMs: number;
  cpuMs: number;
  /** Microtask checkpoints outside those events: promise continuations, such as reading a lookup's reply. */
  microtaskMs: number;
  /** Style, layout and paint of the frames the badges were drawn in. */
  renderMs: number;
  renderCpuMs: number;
  longestTaskMs: number;
}

const SCRIPT_EVENTS = ['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.callFunction'];
const RENDER_EVENTS = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'];

const end = (event: TraceEvent) => event.ts + (event.dur ?? 0);
const within = (outer: TraceEvent, inner: TraceEvent) =>
  outer.tid === inner.tid && outer.ts <= inner.ts && end(outer) >= end(inner);
/** The events of `list` that no other event of `list` contains (nested ones would count twice). */
const outermost = (list: TraceEvent[]) =>
  list.filter(
    (event, i) =>
      !list.some(
        (other, j) =>
          j !== i &&
          within(other, event) &&
          // Of two with the same extent, the first stands for both.
          (other.ts < event.ts || (other.dur ?? 0) > (event.dur ?? 0) || j < i),
      ),
  );
const ms = (list: TraceEvent[]) => list.reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000;
const cpuMs = (list: TraceEvent[]) =>
  list.reduce((sum, event) => sum + (event.tdur ?? event.dur ?? 0), 0) / 1000;

/**
 * What the content script cost the page's main thread in a trace: its own script events (those
 * whose script is one of the extension's), the microtask checkpoints that ran on that thread from
 * its first evaluation on outside them (promise continuations carry no script in a trace; the
 * bench page runs no script of its own, so they are the content script's), and the style, layout
 * and paint of the tasks whose animation frame callback was the content script's (the badges are
 * drawn in one). Garbage collection is not counted: the trace ties it to no one.
 */
function scriptTime(events: TraceEvent[], extensionOrigin: string): ScriptTime {
  const complete = events.filter((event) => event.ph === 'X');
  const ours = outermost(
    complete.filter(
      (event) =>
        SCRIPT_EVENTS.includes(event.name) && (event.args?.data?.url ?? '').startsWith(extensionOrigin),
    ),
  );
  const thread = ours[0]?.tid;
  const onThread = complete.filter((event) => event.tid === thread);
  const begin = Math.min(...ours.map((event) => event.ts));
  const tasks = onThread.filter((event) => event.name === 'RunTask');
  const taskOf = (event: TraceEvent) => tasks.find((task) => within(task, event));

  // A task that ran another world's script (the bench's long-task observer) may have run its continuations.
  const foreign = onThread.filter(
    (event) => SCRIPT_EVENTS.includes(event.name) && !ours.some((o) => within(o, event) || within(event, o)),
  );
  const checkpoints = outermost(
    onThread.filter(
      (event) =>
        event.name === 'RunMicrotasks' &&
        event.ts >= begin &&
        !ours.some((o) => within(o, event)) &&
        !foreign.some((other) => taskOf(other) === taskOf(event)),
    ),
  );
  const inside = (outer: TraceEvent) => ours.filter((event) => within(outer, event));
  const microtaskMs = checkpoints.reduce((sum, event) => sum + ms([event]) - ms(inside(event)), 0);
  const microtaskCpuMs = checkpoints.reduce((sum, event) => sum + cpuMs([event]) - cpuMs(inside(event)), 0);

  const drawingTasks = new Set(
    onThread
      .filter((event) => event.name === 'FireAnimationFrame' && inside(event).length > 0)
      .map(taskOf)
      .filter((task) => task !== undefined),
  );
  const rendering = outermost(
    onThread.filter(
      (event) =>
        RENDER_EVENTS.includes(event.name) &&
        [...drawingTasks].some((task) => within(task, event)) &&
        !ours.some((o) => within(o, event)),
    ),
  );

  let longest = 0;
  for (const event of [...ours, ...checkpoints]) {
    longest = Math.max(longest, ((taskOf(event) ?? event).dur ?? 0) / 1000);
  }
  const scriptMs = ms(ours);
  const renderMs = ms(rendering);
  return {
    totalMs: scriptMs + microtaskMs + renderMs,
    totalCpuMs: cpuMs(ours) + microtaskCpuMs + cpuMs(rendering),
    scriptMs,
    loadMs: ms(ours.filter((event) => ['EvaluateScript', 'v8.compile'].includes(event.name))),
    cpuMs: cpuMs(ours),
    microtaskMs,
    renderMs,
    renderCpuMs: cpuMs(rendering),
    longestTaskMs: longest,
  };
}

/** Loads `url` in `page` under Chromium's tracing until `until` resolves: what the content script cost. */
async function traceLoad(
  page: Page,
  url: string,
  extensionOrigin: string,
  until: () => Promise<unknown>,
): Promise<ScriptTime> {
  const session = await page.context().newCDPSession(page);
  const complete = new Promise<string | undefined>((resolve) =>
    session.on('Tracing.tracingComplete', ({ stream }) => resolve(stream)),
  );
  // Kept in the browser until the end: streamed while recording, megabytes of events would have
  // this process parse them during the load, on the cores the page needs.
  await session.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute',
    transferMode: 'ReturnAsStream',
    streamFormat: 'json',
  });
  await page.goto(url);
  await until();
  await session.send('Tracing.end');
  const stream = await complete;
  if (stream === undefined) throw new Error('Chromium returned no trace');
  const chunks: string[] = [];
  for (let eof = false; !eof;) {
    const chunk = await session.send('IO.read', { handle: stream });
    chunks.push(
      chunk.base64Encoded === true ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data,
    );
    eof = chunk.eof;
  }
  await session.send('IO.close', { handle: stream });
  await session.detach();
  const { traceEvents } = JSON.parse(chunks.join('')) as { traceEvents: TraceEvent[] };
  return scriptTime(traceEvents, extensionOrigin);
}

/**
 * Waits, running no script in the page (a poll's own promise continuations would be counted as the
 * content script's), until no lookup has been sent for a second: the last reply's badges drawn.
 */
async function lookupsQuiet(page: Page, sent: () => number): Promise<void> {
  let last = sent();
  let quiet = 0;
  for (let waited = 0; waited < 10_000 && (last === 0 || quiet < 1000); waited += 100) {
    await page.waitForTimeout(100);
    quiet = sent() === last ? quiet + 100 : 0;
    last = sent();
  }
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
    totalMs: [],
    totalCpuMs: [],
    scriptMs: [],
    scriptLoadMs: [],
    scriptCallbackMs: [],
    microtaskMs: [],
    renderMs: [],
    renderCpuMs: [],
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
    loadAverage: { start: loadavg()[0] ?? 0, end: 0 },
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
      const traced = await traceLoad(page, siteUrl('newspaper'), origin, () =>
        lookupsQuiet(page, () => run.lookups().length - before),
      );
      cost.badges.push(await settled(page));
      cost.totalMs.push(traced.totalMs);
      cost.totalCpuMs.push(traced.totalCpuMs);
      cost.scriptMs.push(traced.scriptMs);
      cost.scriptLoadMs.push(traced.loadMs);
      cost.scriptCallbackMs.push(traced.scriptMs - traced.loadMs);
      cost.microtaskMs.push(traced.microtaskMs);
      cost.renderMs.push(traced.renderMs);
      cost.renderCpuMs.push(traced.renderCpuMs);
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
    cost.loadAverage.end = loadavg()[0] ?? 0;
    await run.close();
    await rm(dir, { recursive: true, force: true });
  }
  return cost;
}
