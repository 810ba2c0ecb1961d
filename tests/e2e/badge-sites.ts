/**
 * What the badge tests serve, in any browser: the fixture pages, each at its path on a real
 * outlet's host (one local server answering by the Host header, which the browser is made to
 * reach under those names), and a recording fake API that knows a story for most headlines.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blindspotOf } from '../../src/core/bias-distribution.js';
import type { LookupItem, Story, StorySummary } from '../../src/core/contract.js';
import { startFakeApi, type FakeApi } from './fake-api.js';

const FIXTURES = new URL('../fixtures/badges/', import.meta.url);

/** Each fixture page at its path on a real outlet's host. */
export const SITES = {
  newspaper: { host: 'www.wfaa.com', path: '/', file: 'newspaper-home.html' },
  aggregator: { host: 'www.drudgereport.com', path: '/', file: 'aggregator.html' },
  scroll: { host: 'www.kare11.com', path: '/latest', file: 'infinite-scroll.html' },
  app: { host: 'www.wkyc.com', path: '/app/news', file: 'single-page-app.html' },
  hostile: { host: 'www.king5.com', path: '/hostile', file: 'hostile.html' },
  cards: { host: 'www.11alive.com', path: '/', file: 'card-links.html' },
  article: {
    host: 'www.khou.com',
    path: '/article/news/local/harbor-tunnel-opens-after-five-years-of-work/285-1',
    file: 'article.html',
  },
} as const;
export type SiteName = keyof typeof SITES;

export const siteUrl = (name: SiteName) => `http://${SITES[name].host}${SITES[name].path}`;

/** A news host where automatic mode stays off: the same pages, with no content script of ours. */
export const UNGRANTED_HOST = 'www.wusa9.com';

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** The fake API knows a story for two headlines in three (by URL), with counts that add up. */
export function storyFor(item: LookupItem): StorySummary | null {
  const h = hash(item.url ?? item.title);
  if (h % 3 === 0) return null;
  const left = h % 5;
  const center = (h >>> 3) % 4;
  const right = ((h >>> 6) % 4) + 1;
  const distribution = { left, center, right, unrated: 0 };
  return {
    id: `story-${h.toString(36)}`,
    title: `Story: ${item.title}`,
    sourceCount: left + center + right,
    firstPublishedAt: '2026-11-27T08:00:00.000Z',
    lastPublishedAt: '2026-11-27T10:00:00.000Z',
    distribution,
    blindspot: blindspotOf(distribution),
  };
}

/** The full story: one article per side; the right's link is plain http (drawn as text only). */
function fullStory(summary: StorySummary): Story {
  const article = (n: number, lean: 'left' | 'center' | 'right', url: string) => ({
    url,
    title: `${lean} take ${n} on ${summary.title}`,
    publishedAt: `2026-11-27T0${n}:00:00.000Z`,
    outlet: { id: `outlet-${lean}`, name: `Outlet ${lean}`, domain: `${lean}.example`, lean },
  });
  return {
    ...summary,
    articles: [
      article(1, 'left', 'https://left.example/a/1'),
      article(2, 'center', 'https://center.example/a/2'),
      article(3, 'right', 'http://right.example/a/3'),
    ],
  };
}

export interface BadgeSites {
  api: FakeApi;
  /** The port of the pages' server on 127.0.0.1, for the browser's host mapping or proxy. */
  port: number;
  /** The lookup requests' items, one array per request. */
  lookups(): LookupItem[][];
  close(): Promise<void>;
}

/** Serves the sites and the API; `html` replaces a site's fixture file (the bench's 1,000-link page). */
export async function startBadgeSites(html: Partial<Record<SiteName, string>> = {}): Promise<BadgeSites> {
  const stories = new Map<string, StorySummary>();
  const api = await startFakeApi((request) => {
    if (request.path === '/v1/lookup') {
      const items = (JSON.parse(request.body) as { items: LookupItem[] }).items;
      const results = items.map((item) => {
        const story = storyFor(item);
        if (story) stories.set(story.id, story);
        return { story, matchedBy: story ? 'url' : null, score: story ? 1 : null };
      });
      return { status: 200, body: { results } };
    }
    const summary = stories.get(decodeURIComponent(request.path.split('/').pop() ?? ''));
    return summary
      ? { status: 200, body: fullStory(summary) }
      : { status: 404, body: { error: { code: 'not-found', message: 'no story' } } };
  });
  // By the Host header, so the same server answers a host-mapped request and a proxied one.
  const pages = createServer((request, response) => {
    const host = (request.headers.host ?? '').split(':')[0];
    // The ungranted host serves the newspaper page, for comparisons without the content script.
    const name =
      host === UNGRANTED_HOST
        ? 'newspaper'
        : (Object.keys(SITES) as SiteName[]).find((key) => SITES[key].host === host);
    // Any path of a fixture's host is that fixture (the app's routes, reloads after pushState).
    if (name === undefined) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(html[name] ?? readFileSync(new URL(SITES[name].file, FIXTURES)));
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  const { port } = pages.address() as AddressInfo;
  return {
    api,
    port,
    lookups: () =>
      api.requests
        .filter((request) => request.path === '/v1/lookup')
        .map((request) => (JSON.parse(request.body) as { items: LookupItem[] }).items),
    async close() {
      await Promise.all([api.close(), new Promise((resolve) => pages.close(resolve))]);
    },
  };
}
