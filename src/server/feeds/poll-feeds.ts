/**
 * Runs the feed ingest now and then every `intervalMs` after each run ends, so runs never overlap.
 * `run` reports its own failures; a throw is passed to `onError` and the schedule goes on.
 */
export interface Poller {
  /** Cancels the next run, aborts the current one and waits for it to wind down. */
  stop(): Promise<void>;
}

export function pollFeeds(
  run: (signal: AbortSignal) => Promise<void>,
  intervalMs: number,
  onError: (error: unknown) => void,
): Poller {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();
  const aborter = new AbortController();
  const tick = (): void => {
    current = run(aborter.signal)
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      aborter.abort();
      await current;
    },
  };
}
