/**
 * The popup's `get-outlet`: who owns the outlet of the page being read and how each rater rates it.
 * Asked of the API (`GET /v1/outlets/:domain`, which also carries ratings the service imported)
 * and kept for the lookup TTL; when the service cannot answer, the built-in directory's leans.
 */
import type { DirectoryIndex, DirectoryOutlet } from '../../core/compact-directory.js';
import type { OutletResponse } from '../../core/outlet.js';
import type { OutletDetails } from '../outlet-details.js';
import { LOOKUP_TTL_MS } from './lookup-cache.js';
import { LookupError } from './lookup-client.js';
import type { SettingsStore } from './settings-store.js';

/** Outlets kept at once: a reader moves between a handful of sites. */
export const MAX_CACHED_OUTLETS = 50;

export interface OutletLookupDeps {
  directory: Pick<DirectoryIndex, 'resolve'>;
  settings: SettingsStore;
  /** `GET /v1/outlets/:domain` on the API at `apiBaseUrl`, guarded and parsed with `OutletResponse`. */
  fetchOutlet(apiBaseUrl: string, domain: string): Promise<OutletResponse>;
  now?: () => number;
}

export interface OutletLookup {
  /** The outlet publishing on `host`, or null when the built-in directory does not know it. */
  lookUp(host: string): Promise<OutletDetails | null>;
  /** Forgets every answer kept ("Clear cache" in the options). */
  clear(): void;
}

export function createOutletLookup(deps: OutletLookupDeps): OutletLookup {
  const now = deps.now ?? Date.now;
  // In the worker's memory: gone when it stops, which only costs one request more.
  const cache = new Map<string, { storedAt: number; details: OutletDetails }>();
  const lookUp = async (host: string): Promise<OutletDetails | null> => {
    // The privacy gate: only outlets of the built-in directory are asked about, and by their own
    // domain, never by the page's host or address.
    const known = deps.directory.resolve(host);
    const domain = known?.domains[0];
    if (known === null || domain === undefined) return null;
    const { apiBaseUrl } = await deps.settings.load();
    const key = JSON.stringify([apiBaseUrl, known.id]);
    const hit = cache.get(key);
    if (hit !== undefined && now() - hit.storedAt < LOOKUP_TTL_MS && hit.storedAt <= now())
      return hit.details;
    let details: OutletDetails;
    try {
      details = fromService(await deps.fetchOutlet(apiBaseUrl, domain));
    } catch (error) {
      if (error instanceof LookupError) return fromDirectory(known);
      throw error;
    }
    cache.delete(key);
    cache.set(key, { storedAt: now(), details });
    const oldest = cache.keys().next().value;
    if (cache.size > MAX_CACHED_OUTLETS && oldest !== undefined) cache.delete(oldest);
    return details;
  };
  return { lookUp, clear: () => cache.clear() };
}

function fromService(outlet: OutletResponse): OutletDetails {
  const { id, name, owner, ownership, stateMedia, lean } = outlet;
  const ratings = outlet.ratings.map(({ rater, lean, label, factual, date, basis }) => ({
    rater,
    lean,
    label,
    factual,
    date,
    basis,
  }));
  return { id, name, owner, ownership, stateMedia, lean, ratings, source: 'service' };
}

function fromDirectory(outlet: DirectoryOutlet): OutletDetails {
  const ratings = Object.entries(outlet.leans).flatMap(([rater, lean]) => (lean ? [{ rater, lean }] : []));
  return { id: outlet.id, name: outlet.name, lean: outlet.lean, ratings, source: 'directory' };
}
