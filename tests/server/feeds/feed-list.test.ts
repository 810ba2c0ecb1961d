/** Checks of the shipped feed list (data/feeds.json) against the outlet directory. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldToSide } from '../../../src/core/bias-scale.js';
import { OutletDirectory } from '../../../src/core/outlet.js';
import { consensusLean } from '../../../src/core/outlet-resolver.js';
import { feedTargets, FeedList, loadFeedList } from '../../../src/server/feeds/feed-list.js';
import { FEEDS_FILE, OUTLETS_FILE } from '../../../src/server/paths.js';

const directory = OutletDirectory.parse(JSON.parse(readFileSync(OUTLETS_FILE, 'utf8')));
const outlets = new Map(directory.outlets.map((o) => [o.id, o]));

describe('data/feeds.json', async () => {
  const list = await loadFeedList(FEEDS_FILE);

  it('names only outlets of the directory, each under one of its own domains', () => {
    const problems = list.feeds.flatMap((source) => {
      const outlet = outlets.get(source.outlet);
      if (outlet === undefined) return [`${source.outlet}: not in data/outlets.json`];
      return outlet.domains.includes(source.domain)
        ? []
        : [`${source.outlet}: ${source.domain} is not its domain`];
    });
    expect(problems).toEqual([]);
  });

  it('lists each outlet once and each feed once', () => {
    const ids = list.feeds.map((s) => s.outlet);
    expect(new Set(ids).size).toBe(ids.length);
    const urls = list.feeds.flatMap((s) => s.feeds);
    expect(feedTargets(list)).toHaveLength(urls.length);
  });

  it('covers at least 100 outlets across the spectrum and several countries', () => {
    expect(list.feeds.length).toBeGreaterThanOrEqual(100);
    const listed = list.feeds.map((s) => outlets.get(s.outlet)).filter((o) => o !== undefined);
    const countries = new Set(listed.map((o) => o.country));
    for (const country of ['US', 'GB', 'CA', 'AU', 'IE', 'IN', 'DE', 'FR'])
      expect(countries).toContain(country);
    const sides = { left: 0, center: 0, right: 0 };
    for (const outlet of listed) {
      const lean = consensusLean(outlet);
      if (lean !== null) sides[foldToSide(lean)] += 1;
    }
    expect(sides.left).toBeGreaterThanOrEqual(20);
    expect(sides.center).toBeGreaterThanOrEqual(20);
    expect(sides.right).toBeGreaterThanOrEqual(20);
  });

  it('refuses malformed lists', () => {
    const entry = {
      outlet: 'bbc-news',
      domain: 'bbc.co.uk',
      feeds: ['https://feeds.bbci.co.uk/news/rss.xml'],
    };
    expect(FeedList.safeParse({ version: '1', feeds: [entry] }).success).toBe(true);
    expect(FeedList.safeParse({ version: '1', feeds: [{ ...entry, feeds: [] }] }).success).toBe(false);
    expect(
      FeedList.safeParse({ version: '1', feeds: [{ ...entry, feeds: ['ftp://x.org/f'] }] }).success,
    ).toBe(false);
    expect(FeedList.safeParse({ version: '1', feeds: [{ ...entry, outlet: 'BBC News' }] }).success).toBe(
      false,
    );
  });
});
