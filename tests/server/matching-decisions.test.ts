import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestLines } from '../../src/server/ingest/ingest-articles.js';
import { articleTerms } from '../../src/server/matching/article-terms.js';
import { clusterArticle } from '../../src/server/matching/assign-story.js';
import { lookupItems } from '../../src/server/matching/lookup.js';
import { FEATURE_NAMES, matchFeatures, weighItem } from '../../src/server/matching/match-features.js';
import {
  loadMatchModel,
  matchProbability,
  matchThreshold,
  parseMatchModel,
  rerankProbability,
} from '../../src/server/matching/match-model.js';
import { StoryIndex } from '../../src/server/matching/story-index.js';
import { loadBackgroundStatistics, TermStatistics } from '../../src/server/matching/term-statistics.js';
import { MATCH_MODEL_FILE, TERM_STATS_FILE } from '../../src/server/paths.js';
import { storyEngineOf } from '../../src/server/stories/engine-of-store.js';
import type { Store } from '../../src/server/store/store.js';
import { tempStore } from './helpers.js';

const HOUR = 3_600_000;
const background = loadBackgroundStatistics(TERM_STATS_FILE);

const ERUPTION = [
  'Volcano erupts near Reykjavik airport, flights grounded',
  'Reykjavik airport closed as volcano erupts on Reykjanes peninsula',
  'Iceland volcano: lava nears Grindavik after Reykjanes eruption',
];

function indexOf(titles: readonly string[]): StoryIndex {
  const index = new StoryIndex(new TermStatistics(background));
  titles.forEach((title, i) =>
    index.add({
      storyId: 'eruption',
      title,
      description: null,
      publishedAt: i * HOUR,
      terms: articleTerms(title, null),
    }),
  );
  return index;
}

describe('match features', () => {
  it('with one article left out equal the features of an index built without it', () => {
    const [left, ...rest] = ERUPTION as [string, ...string[]];
    const full = indexOf([...rest, left]);
    const without = indexOf(rest);
    const terms = articleTerms(left, null);
    const publishedAt = rest.length * HOUR;
    const item = weighItem(terms, publishedAt, false, full.stats);
    const exclusion = { storyId: 'eruption', article: { terms, publishedAt, mass: full.massOf(terms) } };
    const excluded = matchFeatures(item, full.get('eruption') ?? fail(), full.resolve(exclusion));
    const rebuilt = matchFeatures(item, without.get('eruption') ?? fail(), null);
    FEATURE_NAMES.forEach((name, i) => {
      expect([name, excluded[i]]).toEqual([name, expect.closeTo(rebuilt[i] ?? NaN, 3)]);
    });
  });
});

describe('candidates', () => {
  const DAY = 24 * HOUR;
  const ids = (index: StoryIndex, query: string, day: number) =>
    index
      .candidates(
        weighItem(articleTerms(query, null), null, false, index.stats),
        { from: (day - 3) * DAY, to: (day + 3) * DAY },
        null,
        5,
      )
      .map((story) => story.id);

  it('are found in old windows, in the present, and for stories revived after a quiet spell', () => {
    const index = new StoryIndex(new TermStatistics(background));
    const add = (storyId: string, title: string, day: number) =>
      index.add({
        storyId,
        title,
        description: null,
        publishedAt: day * DAY,
        terms: articleTerms(title, null),
      });
    add('old', 'Reykjavik volcano erupts', 10);
    add('revived', 'Grindavik evacuated as lava flows', 10);
    add('new', 'Reykjavik volcano erupts again', 100);
    add('revived', 'Grindavik lava flows return', 100);
    expect(ids(index, 'Reykjavik volcano eruption', 11)).toEqual(['old']);
    expect(ids(index, 'Reykjavik volcano eruption', 100)).toEqual(['new']);
    expect(ids(index, 'Grindavik lava', 101)).toEqual(['revived']);
  });
});

describe('merging stories', () => {
  const add = (index: StoryIndex, storyId: string, titles: readonly string[], from: number) =>
    titles.forEach((title, i) =>
      index.add({
        storyId,
        title,
        description: null,
        publishedAt: (from + i) * HOUR,
        terms: articleTerms(title, null),
      }),
    );

  it('gives the story an index built with all its articles under one id would have', () => {
    const [first, ...rest] = ERUPTION as [string, ...string[]];
    const merged = new StoryIndex(new TermStatistics(background));
    add(merged, 'eruption', rest, 1);
    add(merged, 'split', [first], 0);
    merged.merge('eruption', 'split');
    const whole = indexOf(ERUPTION);
    expect(merged.get('split')).toBeUndefined();
    expect(merged.storyCount).toBe(1);
    const query = 'Reykjanes volcano eruption grounds flights at Reykjavik';
    const terms = articleTerms(query, null);
    // Each index has its own term ids: an item is weighed by the index it is matched against.
    const item = (index: StoryIndex) => weighItem(terms, 3 * HOUR, false, index.stats);
    const window = { from: -HOUR, to: 10 * HOUR };
    expect(merged.candidates(item(merged), window, null, 5).map((story) => story.id)).toEqual(['eruption']);
    const expected = matchFeatures(item(whole), whole.get('eruption') ?? fail(), null);
    const actual = matchFeatures(item(merged), merged.get('eruption') ?? fail(), null);
    FEATURE_NAMES.forEach((name, i) => {
      expect([name, actual[i]]).toEqual([name, expect.closeTo(expected[i] ?? NaN, 3)]);
    });
  });

  it('folds a candidate the article would as well have joined into the larger story', () => {
    const model = loadMatchModel(MATCH_MODEL_FILE);
    const index = new StoryIndex(new TermStatistics(background));
    add(index, 'large', ERUPTION, 0);
    add(index, 'small', ['Iceland volcano eruption near Reykjavik'], 2);
    const article = {
      key: 'query',
      title: 'Reykjanes volcano erupts again',
      description: null,
      publishedAt: 3 * HOUR,
    };
    const join = { ...model.join, bias: 50 };
    const apart = clusterArticle(index, { ...model, join, merge: { threshold: 2, cosine: 0 } }, article);
    expect(apart).toMatchObject({ created: false, merged: [] });
    const together = clusterArticle(index, { ...model, join, merge: { threshold: 0, cosine: 0 } }, article);
    expect(together).toMatchObject({ storyId: 'large', created: false, merged: ['small'] });
    expect(index.get('large')?.size).toBe(6);
    expect(index.get('small')).toBeUndefined();
  });
});

describe('the join decision', () => {
  const model = loadMatchModel(MATCH_MODEL_FILE);
  const article = {
    key: 'query',
    title: 'Reykjavik volcano eruption closes airport',
    description: null,
    publishedAt: 3 * HOUR,
  };

  it('is the join model’s, not the lookup model’s', () => {
    const lookups = (bias: number) => ({
      dated: { ...model.dated, bias },
      undated: { ...model.undated, bias },
    });
    const always = { ...model, ...lookups(-50), join: { ...model.join, bias: 50 } };
    const never = { ...model, ...lookups(50), join: { ...model.join, bias: -50 } };
    expect(clusterArticle(indexOf(ERUPTION), always, article)).toMatchObject({
      storyId: 'eruption',
      created: false,
    });
    expect(clusterArticle(indexOf(ERUPTION), never, article)).toMatchObject({ created: true });
  });
});

describe('the lookup decision', () => {
  const model = loadMatchModel(MATCH_MODEL_FILE);
  const DATED = FEATURE_NAMES.indexOf('dated');
  const features = (dated: number) => FEATURE_NAMES.map((_, i) => (i === DATED ? dated : 0));
  const yes = { ...model.dated, bias: 50, threshold: 0.25 };
  const no = { ...model.undated, bias: -50, threshold: 0.75 };

  it('weighs a candidate with the dated model when item and story carry times, else the undated one', () => {
    const split = { ...model, dated: yes, undated: no };
    expect(matchProbability(split, features(1))).toBeCloseTo(1);
    expect(matchThreshold(split, features(1))).toBe(0.25);
    expect(matchProbability(split, features(0))).toBeCloseTo(0);
    expect(matchThreshold(split, features(0))).toBe(0.75);
  });

  it('rejects a model file whose weights do not fit the features', () => {
    expect(() => parseMatchModel({ ...model, join: { ...model.join, weights: [1] } })).toThrow(
      /npm run train/,
    );
  });

  it('reweighs undated candidates with the rerank trees, and leaves dated ones to the dated model', () => {
    const sure = { trees: [[-1, 50, 0, 0]], bias: 0 };
    const reranking = { ...model, undated: { ...model.undated, rerank: sure } };
    expect(rerankProbability(reranking, features(0))).toBeCloseTo(1);
    expect(rerankProbability(reranking, features(1))).toBeNull();
    const beyond = { trees: [[FEATURE_NAMES.length, 0, 1, 2, -1, 0, 0, 0, -1, 0, 0, 0]], bias: 0 };
    expect(() => parseMatchModel({ ...model, undated: { ...model.undated, rerank: beyond } })).toThrow(
      /npm run train/,
    );
  });
});

const line = (id: string, host: string, title: string, publishedAt: string) =>
  JSON.stringify({ id, title, url: `https://${host}/${id}`, publishedAt });

describe('lookup answers', () => {
  let temp: { store: Store; dispose(): Promise<void> };
  beforeEach(async () => {
    temp = await tempStore();
    await ingestLines(temp.store, [
      line('v1', 'one.example', ERUPTION[0] ?? '', '2024-11-20T08:00:00Z'),
      line('v2', 'two.example', ERUPTION[1] ?? '', '2024-11-20T09:00:00Z'),
    ]);
  });
  afterEach(async () => temp.dispose());

  it('count a story’s new sources as soon as this process ingests them', async () => {
    const engine = await storyEngineOf(temp.store);
    const query = { title: 'Volcano near Reykjavik airport erupts', publishedAt: '2024-11-20T10:00:00Z' };
    const [before] = await lookupItems(engine, [query]);
    expect(before?.story?.sourceCount).toBe(2);
    await ingestLines(temp.store, [
      line('v3', 'three.example', 'Reykjavik airport shut by volcano eruption', '2024-11-20T09:30:00Z'),
    ]);
    const [after] = await lookupItems(engine, [query]);
    expect(after?.story?.id).toBe(before?.story?.id);
    expect(after?.story?.sourceCount).toBe(3);
  });
});

function fail(): never {
  throw new Error('story missing from the index');
}
