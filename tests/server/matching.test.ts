import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestLines } from '../../src/server/ingest/ingest-articles.js';
import { articleTerms } from '../../src/server/matching/article-terms.js';
import { weighItem } from '../../src/server/matching/match-features.js';
import { lookupItems } from '../../src/server/matching/lookup.js';
import { loadMatchModel } from '../../src/server/matching/match-model.js';
import { StoryIndex } from '../../src/server/matching/story-index.js';
import { loadBackgroundStatistics, TermStatistics } from '../../src/server/matching/term-statistics.js';
import { MATCH_MODEL_FILE, TERM_STATS_FILE } from '../../src/server/paths.js';
import { storyEngineOf } from '../../src/server/stories/engine-of-store.js';
import { StoryEngine } from '../../src/server/stories/story-engine.js';
import { openStore } from '../../src/server/store/open-store.js';
import type { Store } from '../../src/server/store/store.js';
import { tempStore } from './helpers.js';

const DAY = 24 * 3_600_000;

describe('articleTerms', () => {
  it('reads names and numbers from sentence-case text, and only acronyms and numbers from title case', () => {
    const sentence = articleTerms(
      'Senate passes $1.2 trillion infrastructure bill',
      'The Senate voted 69-30 on Tuesday to pass the bill negotiated by Joe Biden and the GOP.',
    );
    expect(sentence.entities).toEqual(
      expect.arrayContaining(['senat', 'tuesday', 'joe', 'biden', 'gop', '69', '30']),
    );
    expect(sentence.entities).not.toContain('vot');
    const titleCase = articleTerms('Senate Passes Infrastructure Bill After Long Debate in US', null);
    expect(titleCase.entities).toEqual(['us']);
    expect(titleCase.text).toEqual(titleCase.title);
  });

  it('judges the case of a title and of its description apart', () => {
    const terms = articleTerms(
      'Senate Passes Infrastructure Bill After Long Debate',
      'The vote came on Tuesday after weeks of talks led by Joe Biden.',
    );
    expect(terms.entities).toEqual(expect.arrayContaining(['tuesday', 'joe', 'biden']));
    expect(terms.entities).not.toContain('debat');
    expect(terms.entities).not.toContain('infrastructur');
  });
});

describe('StoryIndex', () => {
  const add = (index: StoryIndex, storyId: string, title: string, publishedAt: number | null) =>
    index.add({ storyId, title, description: null, publishedAt, terms: articleTerms(title, null) });

  it('finds stories through their rare terms within the window, leaving out what is excluded', () => {
    const index = new StoryIndex(new TermStatistics());
    add(index, 'a', 'Volcano erupts near Reykjavik airport', 10 * DAY);
    add(index, 'a', 'Reykjavik volcano eruption closes airport', 10 * DAY + 3_600_000);
    add(index, 'b', 'Volcano erupts on Hawaii big island', 30 * DAY);
    const ids = (query: string, window: { from: number; to: number } | null, excluded: string | null) =>
      index
        .candidates(
          weighItem(articleTerms(query, null), null, false, index.stats),
          window,
          excluded === null ? null : { storyId: excluded },
          5,
        )
        .map((story) => story.id);
    expect(ids('Reykjavik airport volcano', null, null)).toEqual(['a']);
    expect(ids('Reykjavik airport volcano', { from: 29 * DAY, to: 31 * DAY }, null)).toEqual([]);
    expect(ids('Reykjavik airport volcano', null, 'a')).toEqual([]);
    expect(ids('Hawaii volcano', { from: 29 * DAY, to: 31 * DAY }, null)).toEqual(['b']);
  });

  it('keeps as headline the article closest to the story centroid, the earliest on ties', () => {
    const index = new StoryIndex(new TermStatistics());
    add(index, 'a', 'Outrage!', 1);
    add(index, 'a', 'Volcano erupts near Reykjavik', 2);
    add(index, 'a', 'Reykjavik volcano erupts again', 3);
    add(index, 'a', 'Volcano near Reykjavik erupts', 4);
    expect(index.get('a')?.headline?.title).toBe('Volcano erupts near Reykjavik');
  });

  it('drops stories past retention', () => {
    const index = new StoryIndex(new TermStatistics());
    add(index, 'old', 'Volcano erupts', DAY);
    add(index, 'new', 'Volcano sleeps', 100 * DAY);
    expect(index.evictBefore(50 * DAY)).toBe(1);
    expect(index.get('old')).toBeUndefined();
    expect(
      index
        .candidates(weighItem(articleTerms('volcano', null), null, false, index.stats), null, null, 5)
        .map((story) => story.id),
    ).toEqual(['new']);
  });
});

const line = (id: string, title: string, publishedAt: string, description?: string) =>
  JSON.stringify({ id, title, description, url: `https://news.example/${id}`, publishedAt });

const FLOODS = [
  line('f1', 'Flash floods in Valencia kill dozens as rivers burst their banks', '2024-10-30T08:00:00Z'),
  line('f2', 'Valencia flash floods: death toll rises after torrential rain', '2024-10-30T12:00:00Z'),
  line('f3', 'Spain mourns as Valencia floods leave dozens dead', '2024-10-30T18:00:00Z'),
];

describe('StoryEngine', () => {
  let temp: { store: Store; dir: string; dispose(): Promise<void> };
  beforeAll(async () => {
    temp = await tempStore();
    await ingestLines(temp.store, FLOODS);
  });
  afterAll(async () => temp.dispose());

  const floodsQuery = {
    title: 'Valencia floods: dozens dead in flash flooding',
    publishedAt: '2024-10-31T09:00:00Z',
  };

  it('clusters one event into one story', async () => {
    const story = await temp.store.story((await temp.store.storyIdByUrl('https://news.example/f1')) ?? '');
    expect(story?.articles).toHaveLength(3);
  });

  it('catches up with articles another process stored', async () => {
    const other = await openStore(join(temp.dir, 'coverage.db'));
    try {
      const engine = await storyEngineOf(other);
      const [before] = await lookupItems(engine, [
        { title: 'Wildfire forces evacuations in Marseille suburbs' },
      ]);
      expect(before?.story).toBeNull();
      await ingestLines(temp.store, [
        line('w1', 'Wildfire forces evacuations in Marseille suburbs', '2024-10-31T10:00:00Z'),
        line('w2', 'Marseille wildfire: thousands evacuated from suburbs', '2024-10-31T11:00:00Z'),
      ]);
      await engine.catchUp();
      const [after] = await lookupItems(engine, [
        { title: 'Thousands flee Marseille wildfire', publishedAt: '2024-10-31T12:00:00Z' },
      ]);
      expect(after?.matchedBy).toBe('text');
      expect(after?.story?.sourceCount).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('matches items older than its retention through the store', async () => {
    const engine = new StoryEngine(temp.store, {
      model: loadMatchModel(MATCH_MODEL_FILE),
      background: loadBackgroundStatistics(TERM_STATS_FILE),
      retentionMs: DAY / 4,
    });
    await engine.catchUp();
    expect(
      engine.index.get((await temp.store.storyIdByUrl('https://news.example/f1')) ?? ''),
    ).toBeUndefined();
    const [result] = await lookupItems(engine, [floodsQuery]);
    expect(result?.matchedBy).toBe('text');
    expect(result?.story?.title).toMatch(/Valencia/);
  });

  it('answers no match outside the time window', async () => {
    const engine = await storyEngineOf(temp.store);
    const [near] = await lookupItems(engine, [floodsQuery]);
    const [far] = await lookupItems(engine, [{ ...floodsQuery, publishedAt: '2025-03-01T09:00:00Z' }]);
    expect(near?.matchedBy).toBe('text');
    expect(far).toEqual({ story: null, matchedBy: null, score: null });
  });
});
