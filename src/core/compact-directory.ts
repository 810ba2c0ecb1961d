/**
 * The outlet directory as the extension ships it, generated at build time from data/outlets.json:
 * per outlet its id, name, domains and each rater's lean folded to one character (about a sixth of
 * the full file). Owners, bases and sources stay on the server (`GET /v1/outlets/:domain`).
 */
import { LEANS, type Lean } from './bias-scale.js';
import { CONSENSUS_RATER, type OutletDirectory } from './outlet.js';
import { createOutletResolver, normalizeHost } from './outlet-resolver.js';

/** `leans` holds one character per rater of `raters`: the lean's index on the scale, or `.` for none. */
export type CompactOutletRow = readonly [id: string, name: string, leans: string, ...domains: string[]];

export interface CompactDirectory {
  version: string;
  /** The consensus rater first, then the others by name. */
  raters: readonly string[];
  outlets: readonly CompactOutletRow[];
}

export interface DirectoryOutlet {
  id: string;
  name: string;
  domains: readonly string[];
  /** The consensus lean, null when unrated. */
  lean: Lean | null;
  /** Each rater's lean of this outlet, the consensus included. */
  leans: Readonly<Partial<Record<string, Lean>>>;
}

const NO_LEAN = '.';

export function compactDirectory(directory: OutletDirectory): CompactDirectory {
  const others = new Set<string>();
  for (const outlet of directory.outlets)
    for (const rating of outlet.ratings) if (rating.rater !== CONSENSUS_RATER) others.add(rating.rater);
  const raters = [CONSENSUS_RATER, ...[...others].sort()];
  const outlets = directory.outlets.map((outlet): CompactOutletRow => {
    const leans = raters
      .map((rater) => {
        const lean = outlet.ratings.find((rating) => rating.rater === rater)?.lean;
        return lean === undefined ? NO_LEAN : String(LEANS.indexOf(lean));
      })
      .join('');
    return [outlet.id, outlet.name, leans, ...outlet.domains];
  });
  return { version: directory.version, raters, outlets };
}

export interface DirectoryIndex {
  version: string;
  raters: readonly string[];
  outlets: readonly DirectoryOutlet[];
  /** The outlet publishing on this host or URL (subdomains included), or null. */
  resolve(hostOrUrl: string): DirectoryOutlet | null;
  byId(id: string): DirectoryOutlet | null;
  /** Outlets whose name, id or a domain contains the query (case-insensitive), best first. */
  search(query: string, limit: number): DirectoryOutlet[];
}

export function expandOutlet(raters: readonly string[], row: CompactOutletRow): DirectoryOutlet {
  const [id, name, codes, ...domains] = row;
  const leans: Partial<Record<string, Lean>> = {};
  raters.forEach((rater, i) => {
    const lean = LEANS[Number(codes[i])];
    if (codes[i] !== NO_LEAN && lean !== undefined) leans[rater] = lean;
  });
  return { id, name, domains, lean: leans[CONSENSUS_RATER] ?? null, leans };
}

export function createDirectoryIndex(compact: CompactDirectory): DirectoryIndex {
  const outlets = compact.outlets.map((row) => expandOutlet(compact.raters, row));
  const resolver = createOutletResolver({ outlets });
  return {
    version: compact.version,
    raters: compact.raters,
    outlets,
    resolve: (hostOrUrl) => resolver.resolve(hostOrUrl),
    byId: (id) => resolver.byId(id),
    search(query, limit) {
      const needle = query.trim().toLowerCase();
      if (needle === '') return [];
      const host = normalizeHost(needle);
      const scored: { outlet: DirectoryOutlet; score: number }[] = [];
      for (const outlet of outlets) {
        const name = outlet.name.toLowerCase();
        const score =
          name === needle || outlet.id === needle || outlet.domains.includes(host ?? '')
            ? 0
            : name.startsWith(needle)
              ? 1
              : name.includes(needle) || outlet.id.includes(needle)
                ? 2
                : outlet.domains.some((domain) => domain.includes(host ?? needle))
                  ? 3
                  : -1;
        if (score >= 0) scored.push({ outlet, score });
      }
      scored.sort((a, b) => a.score - b.score || a.outlet.name.localeCompare(b.outlet.name));
      return scored.slice(0, limit).map(({ outlet }) => outlet);
    },
  };
}
