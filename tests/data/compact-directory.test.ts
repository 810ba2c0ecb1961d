/** The compact directory the extension ships: generated and checked at build time, same answers as the full one. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outletDirectorySource } from '../../src/build/outlet-directory-module.js';
import { compactDirectory, createDirectoryIndex, type CompactDirectory } from '../../src/core/compact-directory.js';
import { CONSENSUS_RATER, OutletDirectory } from '../../src/core/outlet.js';
import { createOutletResolver } from '../../src/core/outlet-resolver.js';

const FILE = new URL('../../data/outlets.json', import.meta.url);
const full = OutletDirectory.parse(JSON.parse(readFileSync(FILE, 'utf8')));
const dir = mkdtempSync(join(tmpdir(), 'coverage-lens-directory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the compact outlet directory', () => {
  const index = createDirectoryIndex(compactDirectory(full));
  const resolver = createOutletResolver(full);

  it('keeps every outlet with its name, domains and each rater’s lean', () => {
    expect(index.outlets).toHaveLength(full.outlets.length);
    expect(index.raters[0]).toBe(CONSENSUS_RATER);
    for (const outlet of full.outlets) {
      const compact = index.byId(outlet.id);
      expect(compact?.name).toBe(outlet.name);
      expect(compact?.domains).toEqual(outlet.domains);
      expect(compact?.leans).toEqual(Object.fromEntries(outlet.ratings.map((r) => [r.rater, r.lean])));
    }
  });

  it('resolves hosts and URLs to the same outlet as the full directory', () => {
    for (const outlet of full.outlets)
      for (const domain of outlet.domains)
        for (const probe of [domain, `https://www.${domain}/news/a.html`])
          expect(index.resolve(probe)?.id).toBe(resolver.resolve(probe)?.id);
    expect(index.resolve('https://no-such-news.example/')).toBeNull();
  });

  it('finds outlets by name, id or domain, exact matches first', () => {
    expect(index.search('the guardian', 3)[0]?.id).toBe('the-guardian');
    expect(index.search('bbc.co.uk', 3)[0]?.id).toBe('bbc-news');
    expect(index.search('  ', 3)).toEqual([]);
    expect(index.search('times', 5)).toHaveLength(5);
  });

  it('is built from the shipped file, and far smaller than it', () => {
    const source = outletDirectorySource(FILE.pathname);
    const json = JSON.parse(JSON.parse(source.slice('export default JSON.parse('.length, -2))) as CompactDirectory;
    expect(json).toEqual(JSON.parse(JSON.stringify(compactDirectory(full))));
    expect(source.length).toBeLessThan(readFileSync(FILE).length / 3);
  });

  it('fails the build on a broken directory, naming each problem', () => {
    const [first, second] = full.outlets;
    const broken = {
      version: 'x',
      outlets: [
        first,
        { ...second, domains: first?.domains },
        { ...second, id: 'bad-lean', domains: ['bad-lean.example'], ratings: [{ rater: 'r', lean: 'middle', date: '2026-01' }] },
      ],
    };
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    expect(() => outletDirectorySource(file)).toThrow(/outlets\.2\.ratings\.0\.lean/);
    writeFileSync(file, JSON.stringify({ ...broken, outlets: broken.outlets.slice(0, 2) }));
    expect(() => outletDirectorySource(file)).toThrow(/belongs to two outlets/);
  });
});
