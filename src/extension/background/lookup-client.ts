/**
 * The lookup API as the extension sees it: every call has a timeout, sends no cookies and no
 * referrer, and every response is validated against the wire contract. A response that does not
 * match is an error, never data.
 */
import * as z from 'zod/mini';
import { LookupRequest, LookupResponse, Story, type LookupItem } from '../../core/contract.js';
import { retryAfterMs } from './retry-after.js';
import { isCoherentResult, isCoherentSummary } from './story-checks.js';

export const REQUEST_TIMEOUT_MS = 3000;

const Health = z.object({ ok: z.literal(true) });

export type LookupErrorCode = 'unreachable' | 'bad-response' | 'not-found';

/** What the network guard needs to know about a failed call. */
export interface LookupErrorDetails {
  /** The HTTP status, when the API answered at all. */
  status?: number;
  /** The API's `Retry-After`, in ms. */
  retryAfterMs?: number;
}

export class LookupError extends Error {
  constructor(
    readonly code: LookupErrorCode,
    message: string,
    readonly details: LookupErrorDetails = {},
  ) {
    super(message);
    this.name = 'LookupError';
  }
}

export interface LookupClient {
  lookup(items: LookupItem[]): Promise<LookupResponse>;
  getStory(id: string): Promise<Story>;
  /** Resolves with the round-trip time when the API answers its health check. */
  checkHealth(): Promise<number>;
}

/** One call to the API: the path's JSON answer parsed with `schema`, or a `LookupError`. */
export type ApiRequest = <T>(path: string, schema: z.ZodMiniType<T>, init?: RequestInit) => Promise<T>;

export function createApiRequest(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = REQUEST_TIMEOUT_MS,
): ApiRequest {
  return async function request<T>(
    path: string,
    schema: z.ZodMiniType<T>,
    init: RequestInit = {},
  ): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    let body: unknown;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        ...init,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        signal: controller.signal,
      });
      body = await response.json().catch(() => undefined);
    } catch (error) {
      const reason = controller.signal.aborted ? `no answer within ${timeoutMs} ms` : String(error);
      throw new LookupError('unreachable', `could not reach ${baseUrl}: ${reason}`);
    } finally {
      clearTimeout(timer);
    }
    if (response.status === 404) throw new LookupError('not-found', `${path} was not found`);
    if (!response.ok) {
      throw new LookupError('bad-response', `the API answered ${response.status}`, {
        status: response.status,
        retryAfterMs: retryAfterMs(response.headers.get('retry-after'), Date.now()),
      });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new LookupError('bad-response', `the API's answer to ${path} does not match the contract`);
    return parsed.data;
  };
}

export function createLookupClient(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = REQUEST_TIMEOUT_MS,
): LookupClient {
  const request = createApiRequest(baseUrl, fetchImpl, timeoutMs);
  return {
    async lookup(items) {
      const body = LookupRequest.parse({ items });
      const response = await request('/v1/lookup', LookupResponse, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.results.length !== items.length) {
        throw new LookupError('bad-response', 'the API answered a different number of results');
      }
      if (!response.results.every(isCoherentResult)) {
        throw new LookupError('bad-response', "the API's counts do not add up");
      }
      return response;
    },
    async getStory(id) {
      const story = await request(`/v1/stories/${encodeURIComponent(id)}`, Story);
      if (!isCoherentSummary(story)) throw new LookupError('bad-response', "the API's counts do not add up");
      return story;
    },
    async checkHealth() {
      const started = performance.now();
      await request('/healthz', Health);
      return Math.round(performance.now() - started);
    },
  };
}
