import { describe, expect, it } from 'vitest';
import type { Lean } from '../../src/core/bias-scale.js';
import type { Story, StoryArticle } from '../../src/core/contract.js';
import {
  DEFAULT_RATING_CHOICES,
  isConsensusOnly,
  leanChooser,
  withImported,
  type RatingChoices,
} from '../../src/core/rating-choices.js';
import type { ImportedRating } from '../../src/core/ratings-file.js';
import { distributionFor, storyWithChoices, summaryOf } from '../../src/core/story-with-choices.js';

const article = (outlet: StoryArticle['outlet'], url: string): StoryArticle => ({
  url,
  title: 'A headline',
  publishedAt: '2026-11-27T10:00:00Z',
  outlet,
});
const outlet = (id: string, lean: Lean | null) => ({
  id,
  name: id,
  domain: `${id}.example`,
  lean,
});

/** Three left, one center, one right by the consensus; one unrated outlet; two unknown publishers. */
const story: Story = {
  id: 's1',
  title: 'A story',
  sourceCount: 8,
  firstPublishedAt: '2026-11-27T10:00:00Z',
  lastPublishedAt: '2026-11-27T12:00:00Z',
  distribution: { left: 3, center: 1, right: 1, unrated: 3 },
  blindspot: 'right',
  articles: [
    article(outlet('l1', 'left'), 'https://l1.example/a'),
    article(outlet('l1', 'left'), 'https://l1.example/b'),
    article(outlet('l2', 'lean-left'), 'https://l2.example/a'),
    article(outlet('l3', 'far-left'), 'https://l3.example/a'),
    article(outlet('c1', 'center'), 'https://c1.example/a'),
    article(outlet('r1', 'right'), 'https://r1.example/a'),
    article(outlet('u1', null), 'https://u1.example/a'),
    article(null, 'https://unknown-a.example/a'),
    article(null, 'https://unknown-b.example/a'),
  ],
};

const directoryLeans: Record<string, Record<string, Lean>> = {
  l1: { allsides: 'center' },
  l2: { allsides: 'right' },
};
const fromDirectory = (outletId: string, rater: string) => directoryLeans[outletId]?.[rater];
const choices = (patch: Partial<RatingChoices>): RatingChoices => ({ ...DEFAULT_RATING_CHOICES, ...patch });

describe('distributionFor', () => {
  it('with the default choices gives back the distribution the API computed', () => {
    const choose = leanChooser(DEFAULT_RATING_CHOICES, fromDirectory);
    expect(distributionFor(story, choose)).toEqual(story.distribution);
    expect(isConsensusOnly(DEFAULT_RATING_CHOICES)).toBe(true);
  });

  it("counts the chosen rater's labels, the consensus where it has none", () => {
    const choose = leanChooser(choices({ rater: 'allsides' }), fromDirectory);
    expect(distributionFor(story, choose)).toEqual({ left: 1, center: 2, right: 2, unrated: 3 });
  });

  it('counts outlets the chosen rater has not rated as unrated when asked to', () => {
    const choose = leanChooser(choices({ rater: 'allsides', fallback: 'unrated' }), fromDirectory);
    expect(distributionFor(story, choose)).toEqual({ left: 0, center: 1, right: 1, unrated: 6 });
  });

  it('puts overrides first, "unrated" included, and keeps unknown publishers unrated', () => {
    const choose = leanChooser(
      choices({ rater: 'allsides', overrides: { l1: 'far-right', u1: 'center', c1: null } }),
      fromDirectory,
    );
    expect(distributionFor(story, choose)).toEqual({ left: 1, center: 1, right: 3, unrated: 3 });
  });

  it('prefers imported labels of the chosen rater to the directory', () => {
    const imported: ImportedRating[] = [
      { outletId: 'l1', rater: 'allsides', lean: 'far-left', date: '2026-01' },
      { outletId: 'r1', rater: 'other', lean: 'left', date: '2026-01' },
    ];
    const choose = leanChooser(choices({ rater: 'allsides', imported }), fromDirectory);
    expect(distributionFor(story, choose)).toEqual({ left: 2, center: 1, right: 2, unrated: 3 });
  });
});

describe('storyWithChoices', () => {
  it("re-rates every article's outlet and recomputes the blindspot", () => {
    const choose = leanChooser(choices({ overrides: { l1: 'right', l2: 'right' } }), fromDirectory);
    const shown = storyWithChoices(story, choose);
    expect(shown.distribution).toEqual({ left: 1, center: 1, right: 3, unrated: 3 });
    expect(shown.blindspot).toBeNull();
    expect(shown.articles.map((a) => a.outlet?.lean ?? null)).toEqual([
      'right',
      'right',
      'right',
      'far-left',
      'center',
      'right',
      null,
      null,
      null,
    ]);
    expect(shown.sourceCount).toBe(8);
    expect(summaryOf(shown)).not.toHaveProperty('articles');
    expect(story.articles[0]?.outlet?.lean).toBe('left'); // the API's story is not changed
  });
});

describe('withImported', () => {
  it('turns local-override rows into overrides and replaces earlier imports of a rater and outlet', () => {
    const first = withImported(DEFAULT_RATING_CHOICES, [
      { outletId: 'l1', rater: 'x', lean: 'left', date: '2026-01' },
      { outletId: 'l2', rater: 'x', lean: 'left', date: '2026-01' },
    ]);
    const second = withImported(first, [
      { outletId: 'l1', rater: 'x', lean: 'right', date: '2026-02' },
      { outletId: 'u1', rater: 'local-override', lean: null, date: '2026-02' },
    ]);
    expect(second.imported.map((r) => `${r.outletId}:${r.lean}`)).toEqual(['l1:right', 'l2:left']);
    expect(second.overrides).toEqual({ u1: null });
    expect(isConsensusOnly(second)).toBe(false);
  });
});
