import { describe, expect, it } from 'vitest';
import { articleTerms } from '../../src/server/matching/article-terms.js';
import { weighItem } from '../../src/server/matching/match-features.js';
import { StoryIndex } from '../../src/server/matching/story-index.js';
import { TermStatistics } from '../../src/server/matching/term-statistics.js';

const DAY = 24 * 3_600_000;

// A large background: every term of these few articles is rare enough to be probed.
const background = { documents: 100_000, df: new Map<string, number>() };

function indexOf(articles: readonly [storyId: string, title: string, day: number | null][]): StoryIndex {
  const index = new StoryIndex(new TermStatistics(background));
  for (const [storyId, title, day] of articles)
    index.add({
      storyId,
      title,
      description: null,
      publishedAt: day === null ? null : day * DAY,
      terms: articleTerms(title, null),
    });
  return index;
}

const ids = (index: StoryIndex, query: string, day: number | null) =>
  index
    .candidates(
      weighItem(articleTerms(query, null), null, false, index.stats),
      day === null ? null : { from: (day - 3) * DAY, to: (day + 3) * DAY },
      null,
      5,
    )
    .map((story) => story.id);

describe('postings split by time', () => {
  it('count a story spanning several days once per term', () => {
    const index = indexOf([
      ['long', 'Reykjavik volcano', 10],
      ['long', 'Reykjavik volcano', 20],
      ['long', 'Reykjavik volcano', 30],
      ['short', 'Reykjavik volcano lava', 20],
    ]);
    // Counted in each bucket of the window it spans, "long" would outscore the story holding every term.
    expect(ids(index, 'Reykjavik volcano lava', 20)).toEqual(['short', 'long']);
    expect(ids(index, 'Reykjavik volcano lava', null)).toEqual(['short', 'long']);
  });

  it('find a story whose span covers the window though none of its articles lies in it', () => {
    const index = indexOf([
      ['revived', 'Grindavik lava flows', 10],
      ['revived', 'Grindavik lava flows again', 30],
    ]);
    expect(ids(index, 'Grindavik lava', 20)).toEqual(['revived']);
    expect(ids(index, 'Grindavik lava', 40)).toEqual([]);
  });

  it('keep undated stories for windowless lookups, and move a story to its buckets once it has a date', () => {
    const index = indexOf([
      ['undated', 'Hekla volcano ash cloud', null],
      ['dated', 'Katla volcano ash cloud', null],
      ['dated', 'Katla volcano ash cloud grows', 50],
    ]);
    expect(ids(index, 'volcano ash', null)).toEqual(expect.arrayContaining(['undated', 'dated']));
    expect(ids(index, 'volcano ash', 50)).toEqual(['dated']);
  });

  it('drop evicted stories from every bucket they spanned', () => {
    const index = indexOf([
      ['old', 'Reykjavik volcano', 10],
      ['old', 'Reykjavik volcano', 13],
      ['new', 'Reykjavik volcano', 40],
    ]);
    expect(index.evictBefore(20 * DAY)).toBe(1);
    expect(ids(index, 'Reykjavik volcano', 12)).toEqual([]);
    expect(ids(index, 'Reykjavik volcano', null)).toEqual(['new']);
  });
});
