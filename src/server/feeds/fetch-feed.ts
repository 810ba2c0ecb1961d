/** One conditional GET of a feed, bounded in time and size; never throws. */
import { decodeFeedBytes } from './decode-feed-bytes.js';

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchOutcome =
  | ({ kind: 'fresh'; body: string } & Validators)
  | { kind: 'not-modified' }
  | { kind: 'failed'; error: string };

export interface FetchFeedOptions {
  /** For the whole exchange, headers and body. */
  timeoutMs: number;
  /** Bodies past this are refused: a feed is kilobytes, not megabytes. */
  maxBytes: number;
  fetch?: typeof fetch;
  /** Ends the exchange early (the server is stopping). */
  signal?: AbortSignal;
}

/** Per feed: whole exchange within 20 s, at most 5 MB; 8 feeds in flight. */
export const FEED_DEFAULTS = { timeoutMs: 20_000, concurrency: 8, maxBytes: 5 * 1024 * 1024 };

export const USER_AGENT = 'CoverageLens/0.1 (feed reader)';

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

async function readBounded(response: Response, maxBytes: number): Promise<Buffer | null> {
  if (response.body === null) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A short reason that names no secrets: the status, "timeout", or the network error's code. */
function failure(error: unknown, signal: AbortSignal | undefined): string {
  if (signal?.aborted === true) return 'aborted';
  const err = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string; errors?: { code?: string }[] };
  };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'timeout';
  // Connection failures come as "fetch failed" with the system error (or several, one per address) as cause.
  return (
    err.cause?.code ?? err.cause?.errors?.[0]?.code ?? err.cause?.message ?? err.message ?? 'fetch failed'
  );
}

export async function fetchFeed(
  url: string,
  validators: Validators,
  options: FetchFeedOptions,
): Promise<FetchOutcome> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: ACCEPT };
  if (validators.etag !== null) headers['if-none-match'] = validators.etag;
  if (validators.lastModified !== null) headers['if-modified-since'] = validators.lastModified;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      headers,
      redirect: 'follow',
      signal:
        options.signal === undefined
          ? AbortSignal.timeout(options.timeoutMs)
          : AbortSignal.any([AbortSignal.timeout(options.timeoutMs), options.signal]),
    });
    if (response.status === 304) {
      await response.body?.cancel();
      return { kind: 'not-modified' };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { kind: 'failed', error: `http ${response.status}` };
    }
    const bytes = await readBounded(response, options.maxBytes);
    if (bytes === null) return { kind: 'failed', error: `body over ${options.maxBytes} bytes` };
    return {
      kind: 'fresh',
      body: decodeFeedBytes(bytes, response.headers.get('content-type')),
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
  } catch (error) {
    return { kind: 'failed', error: failure(error, options.signal) };
  }
}
