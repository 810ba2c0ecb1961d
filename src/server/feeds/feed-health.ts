/** The health record of one feed and how each fetch changes it. Pure. */

export interface FeedHealth {
  url: string;
  outlet: string;
  lastAttemptAt: number | null;
  /** The last fetch that answered with a feed or with 304 Not Modified. */
  lastSuccessAt: number | null;
  lastErrorAt: number | null;
  /** Short reason (`http 500`, `timeout`, `malformed-feed`, …) of the last failure; null after a success. */
  lastError: string | null;
  consecutiveFailures: number;
  /** Items read over all fetches; a 304 adds none. */
  itemsSeen: number;
  /** Items in the last feed document read. */
  lastItemCount: number | null;
  /** Validators for the next conditional GET, kept only once the items they cover are stored. */
  etag: string | null;
  lastModified: string | null;
}

export function emptyHealth(url: string, outlet: string): FeedHealth {
  return {
    url,
    outlet,
    lastAttemptAt: null,
    lastSuccessAt: null,
    lastErrorAt: null,
    lastError: null,
    consecutiveFailures: 0,
    itemsSeen: 0,
    lastItemCount: null,
    etag: null,
    lastModified: null,
  };
}

export function afterFetched(
  health: FeedHealth,
  now: number,
  items: number,
  validators: { etag: string | null; lastModified: string | null },
): FeedHealth {
  return {
    ...health,
    ...validators,
    lastAttemptAt: now,
    lastSuccessAt: now,
    lastError: null,
    consecutiveFailures: 0,
    itemsSeen: health.itemsSeen + items,
    lastItemCount: items,
  };
}

export function afterNotModified(health: FeedHealth, now: number): FeedHealth {
  return { ...health, lastAttemptAt: now, lastSuccessAt: now, lastError: null, consecutiveFailures: 0 };
}

/** A failure keeps the validators: the items they cover are still stored. */
export function afterFailed(health: FeedHealth, now: number, error: string): FeedHealth {
  return {
    ...health,
    lastAttemptAt: now,
    lastErrorAt: now,
    lastError: error,
    consecutiveFailures: health.consecutiveFailures + 1,
  };
}
