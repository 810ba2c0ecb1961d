import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pollFeeds } from '../../../src/server/feeds/poll-feeds.js';

describe('pollFeeds', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once, then an interval after each run ends, never two at a time', async () => {
    let running = 0;
    let overlaps = 0;
    let runs = 0;
    let finish: () => void = () => undefined;
    const run = () => {
      runs += 1;
      running += 1;
      if (running > 1) overlaps += 1;
      return new Promise<void>((resolve) => {
        finish = () => {
          running -= 1;
          resolve();
        };
      });
    };
    const poller = pollFeeds(run, 60_000, () => undefined);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(120_000); // the first run is still going
    expect(runs).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    finish();
    const stopped = poller.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    await stopped;
    expect(runs).toBe(2);
    expect(overlaps).toBe(0);
  });

  it('reports a failed run and keeps the schedule', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const poller = pollFeeds(
      async () => {
        runs += 1;
        if (runs === 1) throw new Error('database locked');
      },
      1_000,
      (error) => errors.push(error),
    );
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
    expect(errors).toHaveLength(1);
    await poller.stop();
  });

  it('aborts the current run when stopped, and waits for it to wind down', async () => {
    let finished = false;
    const poller = pollFeeds(
      (signal) =>
        new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => setTimeout(() => resolve(void (finished = true)), 100)),
        ),
      1_000,
      () => undefined,
    );
    const stopped = poller.stop();
    expect(finished).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    await stopped;
    expect(finished).toBe(true);
  });
});
