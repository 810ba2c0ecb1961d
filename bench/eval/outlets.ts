/**
 * `npm run eval -- outlets [--data FILE ...] [--ratings FILE ...] [--directory FILE] [--json]`
 * How well the outlet directory covers real article URLs (share of articles whose outlet resolves
 * from the URL), and how its consensus leans agree with an independent placement: in the AllSides
 * headline roundups each story lists a left (`-0`), a center (`-1`) and a right (`-2`) outlet, as
 * AllSides rated them at the time (the run reports whether the slots really are that consistent); and
 * with `--ratings FILE` (JSON Lines of {"domain", "rating"} from an outside rater, kept outside the
 * project), the agreement with that rating. The data is only measured here; nothing of it goes into the project.
 */
import { access, readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { foldToSide, type Side } from '../../src/core/bias-scale.js';
import { consensusLean, createOutletResolver, normalizeHost } from '../../src/core/outlet-resolver.js';
import { loadOutletDirectory } from '../../src/server/outlets/load-outlet-directory.js';
import type { Report, Runner, Table } from '../report.js';
import { optionValues } from '../lib/cli-args.js';

const DEFAULT_DATA = [
  new URL('../../../shared/eval/stories/allsides-2021.jsonl', import.meta.url),
  new URL('../../../shared/eval/stories/uci-news-2014.jsonl.gz', import.meta.url),
].map((u) => fileURLToPath(u));
const DEFAULT_DIRECTORY = fileURLToPath(new URL('../../data/outlets.json', import.meta.url));
const SLOT_SIDE: Record<string, Side> = { '0': 'left', '1': 'center', '2': 'right' };

interface Article {
  id: string;
  url: string;
  outlet?: string;
  story?: string;
}

async function readArticles(file: string): Promise<Article[]> {
  try {
    await access(file);
  } catch {
    throw new Error(`outlets eval: data file not found: ${file} (pass --data FILE)`);
  }
  const raw = await readFile(file);
  const text = file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  const articles: Article[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as Partial<Article>;
    if (typeof row.id === 'string' && typeof row.url === 'string') articles.push(row as Article);
  }
  return articles;
}

const pct = (n: number, d: number): number | null => (d === 0 ? null : Math.round((1000 * n) / d) / 10);
const base = (file: string) => file.split('/').pop() ?? file;

/** A rating word of an outside rater ("Lean Left", "left-center", "center", "right", ...) folded to a side. */
export function sideOfLabel(label: string): Side | null {
  const l = label
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
  if (/^(far |extreme |lean |leans |skews )?left( center)?$/.test(l)) return 'left';
  if (/^(far |extreme |lean |leans |skews )?right( center)?$/.test(l)) return 'right';
  if (/^(center|centre|least biased|middle|neutral)$/.test(l)) return 'center';
  return null;
}

interface OutsideRating {
  host: string;
  side: Side;
}

/** JSON Lines or a JSON array of {"domain" | "url" | "host", "rating" | "lean" | "side"}. */
async function readOutsideRatings(file: string): Promise<OutsideRating[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new Error(`outlets eval: ratings file not found: ${file}`);
  });
  const rows = (
    text.trim().startsWith('[')
      ? (JSON.parse(text) as unknown[])
      : text
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as unknown)
  ) as Record<string, unknown>[];
  const out: OutsideRating[] = [];
  for (const row of rows) {
    const where = [row.domain, row.url, row.host].find((v): v is string => typeof v === 'string');
    const label = [row.rating, row.lean, row.side].find((v): v is string => typeof v === 'string');
    const host = where ? normalizeHost(where) : null;
    const side = label ? sideOfLabel(label) : null;
    if (host && side) out.push({ host, side });
  }
  return out;
}

const run: Runner = async (args) => {
  const files = optionValues(args, '--data');
  const dataFiles = files.length > 0 ? files : DEFAULT_DATA;
  const directoryFile = optionValues(args, '--directory')[0] ?? DEFAULT_DIRECTORY;
  const directory = await loadOutletDirectory(directoryFile);
  const resolver = createOutletResolver(directory);
  const rated = directory.outlets.filter((o) => consensusLean(o) !== null).length;

  const coverage: Table = {
    title: 'Outlet directory: articles whose outlet resolves from the URL',
    columns: ['data', 'articles', 'resolved %', 'hosts', 'hosts resolved %', 'resolved outlets'],
    rows: [],
    note: `Directory: ${directory.outlets.length} outlets (${rated} with a consensus lean). Target: ≥ 95% of AllSides-2021 articles.`,
  };
  const agreementTable: Table = {
    title: 'Consensus lean vs. an outside placement (left/center/right), per distinct outlet',
    columns: [
      'data',
      'outlets placed',
      'resolved',
      'rated by us',
      'unrated by us',
      'agree',
      'agreement %',
      'slot consistency %',
    ],
    rows: [],
    note:
      'Slot -0 = left, -1 = center, -2 = right, assumed to be AllSides placement; an outlet in several slots takes its most frequent one. ' +
      "Slot consistency = share of an outlet's articles in its most frequent slot (outlets with ≥ 5 articles): near 100% if the slots encode a " +
      'fixed rating, near 33-50% if the order is shuffled, in which case the agreement figure means nothing. Target: ≥ 85% agreement.',
  };
  const data: Record<string, unknown> = {
    directory: directoryFile,
    outlets: directory.outlets.length,
    rated,
    files: {},
  };

  for (const file of dataFiles) {
    const articles = await readArticles(file);
    let resolved = 0;
    const hosts = new Map<string, boolean>();
    const unresolvedHosts = new Map<string, number>();
    const outletsSeen = new Set<string>();
    for (const a of articles) {
      const outlet = resolver.resolve(a.url);
      const host = normalizeHost(a.url) ?? '(invalid)';
      hosts.set(host, outlet !== null);
      if (outlet) {
        resolved += 1;
        outletsSeen.add(outlet.id);
      } else unresolvedHosts.set(host, (unresolvedHosts.get(host) ?? 0) + 1);
    }
    const hostsResolved = [...hosts.values()].filter(Boolean).length;
    coverage.rows.push([
      base(file),
      articles.length,
      pct(resolved, articles.length),
      hosts.size,
      pct(hostsResolved, hosts.size),
      outletsSeen.size,
    ]);
    const fileData: Record<string, unknown> = {
      articles: articles.length,
      resolved,
      resolvedShare: articles.length ? resolved / articles.length : null,
      hosts: hosts.size,
      hostsResolved,
      hostsResolvedShare: hosts.size ? hostsResolved / hosts.size : null,
      topUnresolvedHosts: [...unresolvedHosts.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 50)
        .map(([host, count]) => ({ host, count })),
    };

    // Roundups: ids ending in -0/-1/-2 within a story. Only files laid out that way are checked.
    const placed = articles.filter((a) => /-[012]$/.test(a.id) && a.story && a.id.startsWith(`${a.story}-`));
    if (placed.length > 0 && placed.length === articles.length) {
      // Placement votes per outlet, keyed by our outlet id when resolved, else by the data's own name.
      const votes = new Map<
        string,
        { side: Record<Side, number>; resolvedId: string | null; names: Set<string> }
      >();
      for (const a of placed) {
        const side = SLOT_SIDE[a.id.slice(-1)];
        if (!side) continue;
        const outlet = resolver.resolve(a.url);
        const key = outlet ? `id:${outlet.id}` : `name:${a.outlet ?? normalizeHost(a.url) ?? a.url}`;
        const entry = votes.get(key) ?? {
          side: { left: 0, center: 0, right: 0 },
          resolvedId: outlet?.id ?? null,
          names: new Set(),
        };
        entry.side[side] += 1;
        if (a.outlet) entry.names.add(a.outlet);
        votes.set(key, entry);
      }
      // Does the slot order encode a fixed placement? Outlets seen often enough should sit in one slot.
      let consistentArticles = 0;
      let frequentArticles = 0;
      for (const entry of votes.values()) {
        const counts = Object.values(entry.side);
        const total = counts.reduce((a, b) => a + b, 0);
        if (total < 5) continue;
        frequentArticles += total;
        consistentArticles += Math.max(...counts);
      }
      const slotConsistency = frequentArticles ? consistentArticles / frequentArticles : null;
      let resolvedOutlets = 0;
      let ratedOutlets = 0;
      let agree = 0;
      const disagreements: unknown[] = [];
      const unratedOutlets: string[] = [];
      for (const entry of votes.values()) {
        if (!entry.resolvedId) continue;
        resolvedOutlets += 1;
        const outlet = resolver.byId(entry.resolvedId);
        const lean = outlet ? consensusLean(outlet) : null;
        if (lean === null) {
          unratedOutlets.push(entry.resolvedId);
          continue;
        }
        ratedOutlets += 1;
        const placedSide = (['left', 'center', 'right'] as const).reduce((best, s) =>
          entry.side[s] > entry.side[best] ? s : best,
        );
        if (foldToSide(lean) === placedSide) agree += 1;
        else
          disagreements.push({
            outlet: entry.resolvedId,
            names: [...entry.names],
            ours: lean,
            oursSide: foldToSide(lean),
            placed: placedSide,
            placements: entry.side,
          });
      }
      agreementTable.rows.push([
        base(file),
        votes.size,
        resolvedOutlets,
        ratedOutlets,
        resolvedOutlets - ratedOutlets,
        agree,
        pct(agree, ratedOutlets),
        slotConsistency === null ? null : Math.round(1000 * slotConsistency) / 10,
      ]);
      fileData.agreement = {
        outletsPlaced: votes.size,
        resolvedOutlets,
        ratedOutlets,
        unratedOutlets: unratedOutlets.sort(),
        agree,
        share: ratedOutlets ? agree / ratedOutlets : null,
        slotConsistency,
        placementTrustworthy: slotConsistency !== null && slotConsistency >= 0.8,
        disagreements,
      };
    }
    (data.files as Record<string, unknown>)[base(file)] = fileData;
  }

  // Agreement with an outside rating file kept apart from the project (--ratings FILE), per outlet.
  for (const file of optionValues(args, '--ratings')) {
    const outside = await readOutsideRatings(file);
    const byOutlet = new Map<string, Side>();
    let unresolved = 0;
    for (const r of outside) {
      const outlet = resolver.resolve(r.host);
      if (outlet) byOutlet.set(outlet.id, r.side);
      else unresolved += 1;
    }
    let ratedByUs = 0;
    let agree = 0;
    const disagreements: unknown[] = [];
    for (const [id, side] of byOutlet) {
      const outlet = resolver.byId(id);
      const lean = outlet ? consensusLean(outlet) : null;
      if (lean === null) continue;
      ratedByUs += 1;
      if (foldToSide(lean) === side) agree += 1;
      else disagreements.push({ outlet: id, ours: lean, theirs: side });
    }
    agreementTable.rows.push([
      base(file),
      outside.length,
      byOutlet.size,
      ratedByUs,
      byOutlet.size - ratedByUs,
      agree,
      pct(agree, ratedByUs),
      null,
    ]);
    (data.files as Record<string, unknown>)[base(file)] = {
      ratings: outside.length,
      unresolved,
      agreement: {
        resolvedOutlets: byOutlet.size,
        ratedOutlets: ratedByUs,
        agree,
        share: ratedByUs ? agree / ratedByUs : null,
        disagreements,
      },
    };
  }

  const tables = agreementTable.rows.length > 0 ? [coverage, agreementTable] : [coverage];
  return { name: 'outlets', tables, data } satisfies Report;
};

export default run;
