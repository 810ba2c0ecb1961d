/**
 * Finds the outlet behind a host or URL in the outlet directory: exact host first, then its parent
 * domains (`a.b.news.example.co.uk` → `b.news.example.co.uk` → … → `example.co.uk`), never a bare
 * public suffix. Pure: runs in the browser (extension) and in Node (server, evaluations).
 */
import { getPublicSuffix } from 'tldts-icann';
import type { Lean } from './bias-scale.js';
import { domainSuffixes } from './domain-suffixes.js';
import { CONSENSUS_RATER, type Outlet } from './outlet.js';

/**
 * True for a public suffix (`uk`, `co.uk`, `com.au`): a host no outlet can own. Decided by the ICANN
 * section of the Public Suffix List (tldts-icann), so every market is covered, not a hand-kept few.
 */
export function isPublicSuffix(host: string): boolean {
  return getPublicSuffix(host) === host;
}

/**
 * The host of a URL or host string, lower case, without `www.`, port, trailing dot or credentials;
 * null when there is no plausible host.
 */
export function normalizeHost(hostOrUrl: string): string | null {
  let text = hostOrUrl.trim().toLowerCase();
  if (text === '') return null;
  if (text.startsWith('//')) text = `http:${text}`;
  let host: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      host = new URL(text).hostname;
    } catch {
      return null;
    }
  } else {
    // A bare host, possibly with a path, query or port.
    host = text.split(/[/?#]/, 1)[0] ?? '';
    host = host.replace(/^[^@]*@/, '').replace(/:\d*$/, '');
  }
  host = host.replace(/\.+$/, '');
  while (/^www\d*\./.test(host)) host = host.replace(/^www\d*\./, '');
  if (!/^[a-z0-9.-]+$/.test(host) || host.includes('..') || host.startsWith('.') || host.startsWith('-'))
    return null;
  return host;
}

/** What the resolver needs of an outlet: the full directory entry, or the extension's compact one. */
export interface ResolvableOutlet {
  id: string;
  domains: readonly string[];
}

export interface OutletResolver<T extends ResolvableOutlet = Outlet> {
  /** The outlet publishing on this host or URL, or null when the directory does not know it. */
  resolve(hostOrUrl: string): T | null;
  /** The directory entry with this id. */
  byId(id: string): T | null;
}

export function createOutletResolver<T extends ResolvableOutlet = Outlet>(directory: {
  outlets: readonly T[];
}): OutletResolver<T> {
  const byDomain = new Map<string, T>();
  const byId = new Map<string, T>();
  for (const outlet of directory.outlets) {
    byId.set(outlet.id, outlet);
    for (const domain of outlet.domains) {
      const host = domain.toLowerCase().replace(/^www\./, '');
      // A suffix can never be claimed; the first claim of a domain wins (the checks forbid two).
      if (isPublicSuffix(host) || byDomain.has(host)) continue;
      byDomain.set(host, outlet);
    }
  }
  return {
    resolve(hostOrUrl: string): T | null {
      const host = normalizeHost(hostOrUrl);
      if (host === null) return null;
      for (const candidate of domainSuffixes(host)) {
        const hit = byDomain.get(candidate);
        if (hit) return hit;
      }
      return null;
    },
    byId(id: string): T | null {
      return byId.get(id) ?? null;
    },
  };
}

/** The project's own consensus lean of an outlet, or null when it is unrated. */
export function consensusLean(outlet: Pick<Outlet, 'ratings'>): Lean | null {
  return outlet.ratings.find((r) => r.rater === CONSENSUS_RATER)?.lean ?? null;
}
