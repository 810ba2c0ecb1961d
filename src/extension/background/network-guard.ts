/**
 * Keeps a struggling API from being hammered and the reader from waiting on it: a few retries with
 * exponential backoff and jitter, the server's `Retry-After` honoured, and a circuit breaker per API
 * address that stops all calls for a while after repeated failures.
 */
import { LookupError, type LookupClient } from './lookup-client.js';

export interface NetworkGuardOptions {
  /** Retries after the first attempt of one call. */
  maxRetries: number;
  /** First backoff delay; each retry doubles it, with jitter. */
  baseDelayMs: number;
  /** A `Retry-After` up to this long is waited out within the call; a longer one pauses the API. */
  maxWaitMs: number;
  /** Failed calls in a row that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls. */
  cooldownMs: number;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** In [0, 1): spreads retries of many clients apart. */
  random(): number;
}

export const DEFAULT_GUARD_OPTIONS: NetworkGuardOptions = {
  maxRetries: 2,
  baseDelayMs: 300,
  maxWaitMs: 2000,
  failureThreshold: 3,
  cooldownMs: 30_000,
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export interface NetworkGuard {
  /** The same client, with every call guarded; state is shared by all clients of one address. */
  wrap(baseUrl: string, client: LookupClient): LookupClient;
  /** Any other call to the API at `baseUrl`, under the same retries and circuit. */
  call<T>(baseUrl: string, call: () => Promise<T>): Promise<T>;
}

interface CircuitState {
  failures: number;
  /** No calls before this time. */
  closedAt: number;
}

/** Failures worth another try: no answer, a server error, or "too many requests". */
function isTransient(error: unknown): error is LookupError {
  if (!(error instanceof LookupError)) return false;
  const status = error.details.status;
  return error.code === 'unreachable' || status === 429 || (status !== undefined && status >= 500);
}

export function createNetworkGuard(overrides: Partial<NetworkGuardOptions> = {}): NetworkGuard {
  const options = { ...DEFAULT_GUARD_OPTIONS, ...overrides };
  const circuits = new Map<string, CircuitState>();

  function pause(state: CircuitState, ms: number) {
    state.closedAt = Math.max(state.closedAt, options.now() + ms);
  }

  async function guarded<T>(baseUrl: string, call: () => Promise<T>): Promise<T> {
    const state = circuits.get(baseUrl) ?? { failures: 0, closedAt: 0 };
    circuits.set(baseUrl, state);
    const waitMs = state.closedAt - options.now();
    if (waitMs > 0) {
      throw new LookupError(
        'unreachable',
        `the coverage service is paused after errors; trying again in ${Math.ceil(waitMs / 1000)} s`,
      );
    }
    for (let attempt = 0; ; attempt += 1) {
      try {
        const result = await call();
        state.failures = 0;
        return result;
      } catch (error) {
        if (!isTransient(error)) throw error;
        const retryAfter = error.details.retryAfterMs;
        const lastAttempt = attempt >= options.maxRetries;
        if (lastAttempt || (retryAfter !== undefined && retryAfter > options.maxWaitMs)) {
          state.failures += 1;
          if (retryAfter !== undefined) pause(state, retryAfter);
          if (state.failures >= options.failureThreshold) pause(state, options.cooldownMs);
          throw error;
        }
        const backoff = options.baseDelayMs * 2 ** attempt * (0.5 + options.random() / 2);
        await options.sleep(Math.max(backoff, retryAfter ?? 0));
      }
    }
  }

  return {
    wrap(baseUrl, client) {
      return {
        lookup: (items) => guarded(baseUrl, () => client.lookup(items)),
        getStory: (id) => guarded(baseUrl, () => client.getStory(id)),
        checkHealth: () => guarded(baseUrl, () => client.checkHealth()),
      };
    },
    call: guarded,
  };
}
