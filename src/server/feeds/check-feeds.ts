/** Whether each feed of the list answers with a feed document today: for `npm run feeds:check`. */
import { feedArticles } from './feed-articles.js';
import type { FeedTarget } from './feed-list.js';
import { fetchFeed } from './fetch-feed.js';
import { mapBounded } from './map-bounded.js';

export interface FeedCheck {
  outlet: string;
  url: string;
  /** `ok`, or why not: `http 404`, `timeout`, `not-a-feed`, `ENOTFOUND`, … */
  status: string;
  format: string | null;
  items: number;
}

export interface CheckOptions {
  concurrency: number;
  timeoutMs: number;
  maxBytes: number;
  fetch?: typeof fetch;
}

export function checkFeeds(targets: readonly FeedTarget[], options: CheckOptions): Promise<FeedCheck[]> {
  return mapBounded(targets, options.concurrency, async ({ url, outlet, domain }) => {
    // No validators: a check wants the document, not a 304.
    const outcome = await fetchFeed(url, { etag: null, lastModified: null }, options);
    if (outcome.kind === 'failed') return { outlet, url, status: outcome.error, format: null, items: 0 };
    if (outcome.kind === 'not-modified') return { outlet, url, status: 'http 304', format: null, items: 0 };
    const parsed = feedArticles(outcome.body, { baseUrl: url, domain });
    return parsed.ok
      ? { outlet, url, status: 'ok', format: parsed.format, items: parsed.records.length }
      : { outlet, url, status: parsed.reason, format: null, items: 0 };
  });
}
