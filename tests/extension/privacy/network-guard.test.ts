import { describe, expect, it } from 'vitest';
import { LookupError, type LookupClient } from '../../../src/extension/background/lookup-client.js';
import { createNetworkGuard } from '../../../src/extension/background/network-guard.js';
import { matched } from '../api-fixtures.js';

const items = [{ title: 'Harbour bridge reopens' }];

/** A clock that only moves when someone sleeps, and a client failing as scripted. */
function setup(failures: (LookupError | Error | undefined)[]) {
  let now = 0;
  const sleeps: number[] = [];
  let calls = 0;
  const client: LookupClient = {
    lookup: async () => {
      const failure = failures[calls];
      calls += 1;
      if (failure) throw failure;
      return matched;
    },
    getStory: async () => {
      throw new Error('unused');
    },
    checkHealth: async () => 1,
  };
  const guard = createNetworkGuard({
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => 0.5,
  });
  return {
    client: guard.wrap('https://api.example', client),
    other: guard.wrap('https://other.example', client),
    sleeps,
    calls: () => calls,
    advance: (ms: number) => (now += ms),
  };
}

const down = () => new LookupError('unreachable', 'down');
const status = (code: number, retryAfterMs?: number) =>
  new LookupError('bad-response', `answered ${code}`, { status: code, retryAfterMs });

describe('network guard', () => {
  it('retries transient failures with growing delays', async () => {
    const guard = setup([down(), status(503)]);
    expect(await guard.client.lookup(items)).toEqual(matched);
    expect(guard.calls()).toBe(3);
    expect(guard.sleeps).toEqual([225, 450]);
  });

  it('gives up after the retries and does not retry what cannot get better', async () => {
    const guard = setup([down(), down(), down(), down()]);
    await expect(guard.client.lookup(items)).rejects.toThrow('down');
    expect(guard.calls()).toBe(3);
    for (const failure of [status(400), new LookupError('bad-response', 'schema'), new Error('bug')]) {
      const once = setup([failure]);
      await expect(once.client.lookup(items)).rejects.toBe(failure);
      expect(once.calls()).toBe(1);
    }
  });

  it('waits out a short Retry-After and pauses the API for a long one', async () => {
    const short = setup([status(429, 1500)]);
    expect(await short.client.lookup(items)).toEqual(matched);
    expect(short.sleeps).toEqual([1500]);

    const long = setup([status(503, 60_000)]);
    await expect(long.client.lookup(items)).rejects.toThrow('answered 503');
    expect(long.calls()).toBe(1);
    await expect(long.client.lookup(items)).rejects.toThrow(/paused/);
    expect(long.calls()).toBe(1);
    long.advance(60_000);
    expect(await long.client.lookup(items)).toEqual(matched);
  });

  it('opens the circuit after repeated failures, per API address, and closes it after a success', async () => {
    const guard = setup(Array.from({ length: 9 }, down));
    for (let i = 0; i < 3; i += 1) await expect(guard.client.lookup(items)).rejects.toThrow('down');
    expect(guard.calls()).toBe(9);
    await expect(guard.client.lookup(items)).rejects.toThrow(/paused/);
    expect(guard.calls()).toBe(9);
    // Another API address is not affected.
    expect(await guard.other.lookup(items)).toEqual(matched);
    guard.advance(30_000);
    // Half-open: one trial call goes through and, succeeding, closes the circuit.
    expect(await guard.client.lookup(items)).toEqual(matched);
  });
});
