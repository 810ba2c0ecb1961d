import { describe, expect, it } from 'vitest';
import { mapBounded } from '../../../src/server/feeds/map-bounded.js';

/** Work that finishes when the test says so, recording how many calls were in flight at once. */
function gatedWork() {
  const gates: (() => void)[] = [];
  let inFlight = 0;
  let most = 0;
  const work = async (item: number): Promise<number> => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    await new Promise<void>((resolve) => gates.push(resolve));
    inFlight -= 1;
    return item * 10;
  };
  /** Lets every call waiting now finish, then lets the workers start their next items. */
  const release = async () => {
    for (const open of gates.splice(0)) open();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { work, release, most: () => most, waiting: () => gates.length };
}

describe('mapBounded', () => {
  it('keeps at most the limit in flight and the results in the items’ order', async () => {
    const { work, release, most, waiting } = gatedWork();
    const done = mapBounded([1, 2, 3, 4, 5, 6, 7], 3, work);
    await new Promise((resolve) => setImmediate(resolve));
    expect(waiting()).toBe(3);
    while (waiting() > 0) await release();
    expect(await done).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(most()).toBe(3);
  });

  it('starts nothing more once the signal aborts, keeping what finished', async () => {
    const { work, release, waiting } = gatedWork();
    const stop = new AbortController();
    const done = mapBounded([1, 2, 3, 4, 5], 2, work, stop.signal);
    await new Promise((resolve) => setImmediate(resolve));
    expect(waiting()).toBe(2);
    stop.abort();
    await release();
    expect(waiting()).toBe(0);
    expect(await done).toEqual([10, 20]);
  });
});
