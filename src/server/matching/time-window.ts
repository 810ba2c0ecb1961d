import type { TimeWindow } from '../store/store.js';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

/**
 * How far apart in time an item and a story may be. Within a story, articles span seconds to days
 * (matching.md); the time-gap feature weighs what lies between.
 */
export const MATCH_WINDOW_MS = 3 * DAY;

/** The window of stories an item published at `time` may belong to; none when the time is unknown. */
export function windowAround(time: number | null): TimeWindow | null {
  return time === null ? null : { from: time - MATCH_WINDOW_MS, to: time + MATCH_WINDOW_MS };
}
