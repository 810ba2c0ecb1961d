/**
 * Checks of the shipped outlet directory (data/outlets.json). Each check is a function returning the
 * problems it finds, run on the shipped file (must find none) and on a deliberately broken directory
 * (must find each fault), so that every check is known to be able to fail.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEANS } from '../../src/core/bias-scale.js';
import { CONSENSUS_RATER, OutletDirectory, type Outlet } from '../../src/core/outlet.js';
import { createOutletResolver, isPublicSuffix } from '../../src/core/outlet-resolver.js';

const FILE = new URL('../../data/outlets.json', import.meta.url);
const MIN_OUTLETS = 600;

function duplicateIds(outlets: Outlet[]): string[] {
  const seen = new Set<string>();
  const dups: string[] = [];
  for (const o of outlets) {
    if (seen.has(o.id)) dups.push(o.id);
    seen.add(o.id);
  }
  return dups;
}

function sharedDomains(outlets: Outlet[]): string[] {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const o of outlets) {
    for (const d of o.domains) {
      const prev = owner.get(d);
      if (prev !== undefined) problems.push(`${d}: ${prev} and ${o.id}`);
      owner.set(d, o.id);
    }
  }
  return problems;
}

/** Every domain, and a subdomain of it, resolves to the outlet that claims it. */
function misresolvedDomains(outlets: Outlet[]): string[] {
  const resolver = createOutletResolver({ outlets });
  const problems: string[] = [];
  for (const o of outlets) {
    for (const d of o.domains) {
      for (const probe of [d, `https://www.${d}/some/article.html`, `https://edition-x.${d}/a`]) {
        const got = resolver.resolve(probe)?.id ?? null;
        // A subdomain probe may legitimately hit a more specific claimed host; the bare domain may not.
        if (
          got !== o.id &&
          (probe === d || !outlets.some((x) => x.id === got && x.domains.some((xd) => xd.endsWith(`.${d}`))))
        )
          problems.push(`${probe} -> ${got ?? 'nothing'} (claimed by ${o.id})`);
      }
    }
  }
  return problems;
}

function badDomainFormats(outlets: Outlet[]): string[] {
  const problems: string[] = [];
  for (const o of outlets) {
    for (const d of o.domains) {
      const bad =
        d !== d.toLowerCase() ||
        d.includes('://') ||
        d.includes('/') ||
        d.includes(':') ||
        d.startsWith('www.') ||
        d.startsWith('.') ||
        d.endsWith('.') ||
        d.includes('..') ||
        !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(d) ||
        isPublicSuffix(d);
      if (bad) problems.push(`${o.id}: ${d}`);
    }
  }
  return problems;
}

function consensusProblems(outlets: Outlet[]): string[] {
  const problems: string[] = [];
  for (const o of outlets) {
    const consensus = o.ratings.filter((r) => r.rater === CONSENSUS_RATER);
    if (consensus.length > 1) problems.push(`${o.id}: ${consensus.length} consensus ratings`);
    for (const r of consensus) {
      if (!(LEANS as readonly string[]).includes(r.lean))
        problems.push(`${o.id}: lean ${r.lean} off the scale`);
      if (!/^\d{4}-\d{2}(-\d{2})?$/.test(r.date ?? '')) problems.push(`${o.id}: consensus without a date`);
      if (!r.basis || r.basis.trim().length < 5) problems.push(`${o.id}: consensus without a stated basis`);
    }
  }
  return problems;
}

function undatedRatings(outlets: Outlet[]): string[] {
  return outlets.flatMap((o) =>
    o.ratings
      .filter((r) => !/^\d{4}-\d{2}(-\d{2})?$/.test(r.date ?? '') || r.rater.trim() === '')
      .map((r) => `${o.id}: ${r.rater || '(no rater)'}`),
  );
}

function stateMediaProblems(outlets: Outlet[]): string[] {
  return outlets.filter((o) => o.stateMedia === true && o.ownership !== 'state').map((o) => o.id);
}

const shipped = OutletDirectory.safeParse(JSON.parse(readFileSync(FILE, 'utf8')) as unknown);

describe('data/outlets.json', () => {
  it('parses with the OutletDirectory schema', () => {
    expect(shipped.success ? [] : shipped.error.issues.slice(0, 5)).toEqual([]);
  });

  const outlets = shipped.success ? shipped.data.outlets : [];

  it(`lists at least ${MIN_OUTLETS} outlets`, () => {
    expect(outlets.length).toBeGreaterThanOrEqual(MIN_OUTLETS);
  });

  it('has no duplicate ids', () => expect(duplicateIds(outlets)).toEqual([]));
  it('has no domain claimed by two outlets', () => expect(sharedDomains(outlets)).toEqual([]));
  it('resolves every domain to the outlet that claims it', () =>
    expect(misresolvedDomains(outlets)).toEqual([]));
  it('spells domains as bare lower-case hosts, never a public suffix', () =>
    expect(badDomainFormats(outlets)).toEqual([]));
  it('has at most one consensus rating per outlet, on the scale, dated, with a basis', () =>
    expect(consensusProblems(outlets)).toEqual([]));
  it('dates every rating and names its rater', () => expect(undatedRatings(outlets)).toEqual([]));
  it('marks state media with state ownership', () => expect(stateMediaProblems(outlets)).toEqual([]));

  it('is sorted by id (readable diffs)', () => {
    const ids = outlets.map((o) => o.id);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('keeps major outlets apart and rates wire services and partisan outlets sensibly', () => {
    const resolver = createOutletResolver({ outlets });
    expect(resolver.resolve('https://edition.cnn.com/world')?.id).toBe(resolver.resolve('cnn.com')?.id);
    expect(resolver.resolve('foxnews.com')?.id).not.toBe(resolver.resolve('foxbusiness.com')?.id);
    expect(resolver.resolve('https://www.bbc.co.uk/news')?.id).toBe(
      resolver.resolve('https://www.bbc.com/news')?.id,
    );
    expect(resolver.resolve('co.uk')).toBeNull();
  });
});

describe('the directory checks themselves', () => {
  const o = (id: string, domains: string[], extra: Partial<Outlet> = {}): Outlet => ({
    id,
    name: id,
    domains,
    country: 'US',
    language: 'en',
    ratings: [],
    ...extra,
  });
  const broken: Outlet[] = [
    o('a', ['a.com']),
    o('a', ['a2.com']),
    o('b', ['a.com', 'Upper.com', 'www.b.com', 'co.uk']),
    o('c', ['c.com'], {
      ratings: [
        { rater: CONSENSUS_RATER, lean: 'left', date: '2026-11', basis: 'x basis' },
        { rater: CONSENSUS_RATER, lean: 'bogus' as 'left', date: '', basis: '' },
      ],
    }),
    o('d', ['d.com'], { stateMedia: true, ownership: 'corporate' }),
  ];

  it('each finds its fault', () => {
    expect(duplicateIds(broken)).toEqual(['a']);
    expect(sharedDomains(broken)).toEqual(['a.com: a and b']);
    expect(misresolvedDomains(broken).some((p) => p.startsWith('a.com ->'))).toBe(true);
    expect(badDomainFormats(broken)).toEqual(['b: Upper.com', 'b: www.b.com', 'b: co.uk']);
    expect(consensusProblems(broken)).toEqual([
      'c: 2 consensus ratings',
      'c: lean bogus off the scale',
      'c: consensus without a date',
      'c: consensus without a stated basis',
    ]);
    expect(undatedRatings(broken)).toEqual([`c: ${CONSENSUS_RATER}`]);
    expect(stateMediaProblems(broken)).toEqual(['d']);
  });
});
