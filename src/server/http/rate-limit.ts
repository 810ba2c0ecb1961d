/**
 * Per-client rate limit on the API: a token bucket per client address, answered with 429 and
 * Retry-After when empty. Memory is bounded: past `maxClients` the least recently seen client is
 * forgotten (it starts again with a full bucket, which errs on the side of serving).
 */
import type { MiddlewareHandler } from 'hono';
import { apiError } from './api-error.js';
import { clientAddress } from './client-address.js';

export interface RateLimitOptions {
  /** Sustained requests per minute per client. */
  perMinute: number;
  /** Requests a client may send at once after a quiet spell; defaults to `perMinute`. */
  burst?: number;
  /** Read the client from X-Forwarded-For (set only behind a proxy of yours). */
  trustProxy?: boolean;
  maxClients?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const capacity = options.burst ?? options.perMinute;
  const perMs = options.perMinute / 60_000;
  const maxClients = options.maxClients ?? 10_000;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();

  return async (c, next) => {
    const key = clientAddress(c, options.trustProxy ?? false);
    const time = now();
    const previous = buckets.get(key);
    const tokens = previous ? Math.min(capacity, previous.tokens + (time - previous.at) * perMs) : capacity;
    // Re-inserted on every request, so the Map's first key is the least recently seen client.
    buckets.delete(key);
    if (buckets.size >= maxClients) {
      const oldest = buckets.keys().next().value;
      if (oldest !== undefined) buckets.delete(oldest);
    }
    if (tokens < 1) {
      buckets.set(key, { tokens, at: time });
      c.header('Retry-After', String(Math.max(1, Math.ceil((1 - tokens) / perMs / 1000))));
      return apiError(c, 429, 'rate_limited', `over ${options.perMinute} requests a minute; retry later`);
    }
    buckets.set(key, { tokens: tokens - 1, at: time });
    await next();
  };
}
