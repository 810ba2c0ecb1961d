import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalizeUrl } from '../../src/core/canonical-url.js';
import { ingestLines } from '../../src/server/ingest/ingest-articles.js';
import { readLines } from '../../src/server/ingest/read-lines.js';
import { DEMO_CORPUS_FILE } from '../../src/server/paths.js';
import type { Store } from '../../src/server/store/store.js';
import { toStorySummary } from '../../src/server/stories/story-view.js';
import { tempStore } from './helpers.js';

interface GoldLine {
  id: string;
  url: string;
  story: string;
}
const gold = readFileSync(DEMO_CORPUS_FILE, 'utf8')
  .trim()
  .split('\n')
  .map((text) => JSON.parse(text) as GoldLine);

describe('the demo corpus', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await tempStore());
    const summary = await ingestLines(store, readLines(DEMO_CORPUS_FILE));
    expect(summary).toMatchObject({ read: gold.length, added: gold.length, rejected: {} });
  });
  afterAll(async () => dispose());

  it('clusters every gold story into exactly one story, and no two into the same', async () => {
    const storiesOfGold = new Map<string, Set<string>>();
    const goldOfStory = new Map<string, Set<string>>();
    for (const article of gold) {
      const storyId = await store.storyIdByUrl(canonicalizeUrl(article.url) ?? '');
      expect(storyId, article.id).not.toBeNull();
      storiesOfGold.set(article.story, (storiesOfGold.get(article.story) ?? new Set()).add(storyId ?? ''));
      goldOfStory.set(storyId ?? '', (goldOfStory.get(storyId ?? '') ?? new Set()).add(article.story));
    }
    expect(storiesOfGold.size).toBeGreaterThanOrEqual(9);
    for (const [story, ids] of storiesOfGold) expect([story, ids.size]).toEqual([story, 1]);
    for (const [id, stories] of goldOfStory) expect([id, stories.size]).toEqual([id, 1]);
  });

  it('covers each story with 4 to 12 outlets, except the Russia story with about 31', () => {
    const counts = new Map<string, number>();
    for (const article of gold) counts.set(article.story, (counts.get(article.story) ?? 0) + 1);
    for (const [story, count] of counts) {
      if (story === 'russia-torture-convention') expect(count).toBe(31);
      else {
        expect(count, story).toBeGreaterThanOrEqual(4);
        expect(count, story).toBeLessThanOrEqual(12);
      }
    }
  });

  it('shows the Russia story with a right blindspot, 82% of the rated outlets on the left', async () => {
    const url =
      'https://www.theguardian.com/world/2025/aug/05/russia-quits-european-anti-torture-convention-putin-signs-law';
    const story = await store.story((await store.storyIdByUrl(url)) ?? '');
    expect(story).not.toBeNull();
    const summary = toStorySummary(story!);
    expect(summary.sourceCount).toBe(31);
    expect(summary.distribution).toEqual({ left: 23, center: 3, right: 2, unrated: 3 });
    const rated = summary.distribution.left + summary.distribution.center + summary.distribution.right;
    expect(Math.round((summary.distribution.left / rated) * 100)).toBe(82);
    expect(summary.blindspot).toBe('right');
    expect(summary.title).toMatch(/Russia|Putin/);
  });

  it('is idempotent: ingesting it again adds nothing', async () => {
    const again = await ingestLines(store, readLines(DEMO_CORPUS_FILE));
    expect(again).toMatchObject({ added: 0, duplicates: gold.length, storiesCreated: 0 });
  });
});
