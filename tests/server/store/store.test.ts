import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLines } from '../../../src/server/ingest/read-lines.js';
import { ingestLines } from '../../../src/server/ingest/ingest-articles.js';
import { DEMO_CORPUS_FILE } from '../../../src/server/paths.js';
import { openReadStore, openStore } from '../../../src/server/store/open-store.js';
import type { NewArticle, Store } from '../../../src/server/store/store.js';
import type { StoreKind } from '../../../src/server/store/scratch-database.js';
import { storeKinds, tempStoreOf } from '../helpers.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2025-06-01T12:00:00Z');

function article(n: number, storyId: string, fields: Partial<NewArticle> = {}): NewArticle {
  return {
    sourceId: `src-${n}`,
    canonicalUrl: `https://example.org/news/${n}`,
    title: `Headline number ${n}`,
    description: n % 2 === 0 ? `Description ${n}` : null,
    publishedAt: T0 + n * HOUR,
    outletId: null,
    publisher: 'example.org',
    sourceKey: 'publisher:example.org',
    storyId,
    ...fields,
  };
}

async function storyWith(store: Store, id: string, articles: NewArticle[]): Promise<number[]> {
  return store.transaction(async () => {
    await store.createStories([
      { id, title: articles[0]?.title ?? id, summary: null, publishedAt: articles[0]?.publishedAt ?? T0 },
    ]);
    return store.addArticles(articles);
  });
}

// What each store's demo ingest gave, compared across stores once both ran.
const demoResults = new Map<StoreKind, unknown>();

describe.each(storeKinds())('%s store', { timeout: 30_000 }, (kind) => {
  let store: Store;
  let target: string;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ store, target, dispose } = await tempStoreOf(kind)));
  afterEach(async () => dispose());

  it('migrates idempotently and loads the outlet directory', async () => {
    await store.migrate();
    const again = await openStore(target);
    await again.close();
    const found = await store.outletByDomains(['www.reuters.com', 'reuters.com']);
    expect(found?.outlet.id).toBe('reuters');
    expect(found?.lean).toBe('center');
    expect(await store.outletByDomains(['nowhere.invalid'])).toBeNull();
  });

  it('finds the outlet of the first domain owned, in the order given', async () => {
    const found = await store.outletByDomains(['nowhere.invalid', 'theguardian.com', 'reuters.com']);
    expect(found?.outlet.id).toBe('the-guardian');
  });

  it('replaces an outlet and its domains on upsert', async () => {
    const [reuters] = [(await store.outletByDomains(['reuters.com']))?.outlet];
    if (reuters === undefined) throw new Error('reuters missing from the directory');
    await store.upsertOutlets([{ ...reuters, name: 'Reuters News', domains: ['reuters.example'] }]);
    expect((await store.outletByDomains(['reuters.example']))?.outlet.name).toBe('Reuters News');
    expect(await store.outletByDomains(['reuters.com'])).toBeNull();
  });

  it('stores stories and articles, widens time spans, counts sources once', async () => {
    const ids = await storyWith(store, 'st_a', [
      article(2, 'st_a', { outletId: 'reuters', publisher: 'reuters.com', sourceKey: 'outlet:reuters' }),
      article(1, 'st_a'),
      article(3, 'st_a'),
    ]);
    expect(ids).toHaveLength(3);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const summary = await store.storySummary('st_a');
    expect(summary).toMatchObject({
      id: 'st_a',
      firstPublishedAt: T0 + HOUR,
      lastPublishedAt: T0 + 3 * HOUR,
    });
    expect(summary?.sources.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'outlet:reuters', lean: 'center' },
      { key: 'publisher:example.org', lean: null },
    ]);
    const story = await store.story('st_a');
    expect(story?.articles.map((a) => a.title)).toEqual([
      'Headline number 1',
      'Headline number 2',
      'Headline number 3',
    ]);
    expect(story?.articles[1]).toEqual({
      url: 'https://example.org/news/2',
      title: 'Headline number 2',
      description: 'Description 2',
      publishedAt: T0 + 2 * HOUR,
      publisher: 'reuters.com',
      outlet: { id: 'reuters', name: 'Reuters', domain: 'reuters.com', lean: 'center' },
    });
    expect(await store.storyIdByUrl('https://example.org/news/3')).toBe('st_a');
    expect(await store.storyIdByUrl('https://example.org/news/9')).toBeNull();
    expect(await store.storySummary('st_none')).toBeNull();
    expect(await store.story('st_none')).toBeNull();
    expect(await store.articleCount()).toBe(3);
  });

  it("reads a batch's stories by URL and their summaries at once", async () => {
    await storyWith(store, 'st_b1', [
      article(1, 'st_b1'),
      article(2, 'st_b1', { sourceKey: 'publisher:two' }),
    ]);
    await storyWith(store, 'st_b2', [article(3, 'st_b2')]);
    const byUrl = await store.storyIdsByUrls([
      'https://example.org/news/2',
      'https://example.org/news/3',
      'https://example.org/news/9',
    ]);
    expect([...byUrl].sort()).toEqual([
      ['https://example.org/news/2', 'st_b1'],
      ['https://example.org/news/3', 'st_b2'],
    ]);
    expect((await store.storyIdsByUrls([])).size).toBe(0);
    const summaries = await store.storySummaries(['st_b2', 'st_none', 'st_b1']);
    expect([...summaries.keys()].sort()).toEqual(['st_b1', 'st_b2']);
    expect(summaries.get('st_b1')).toEqual(await store.storySummary('st_b1'));
    expect(
      summaries
        .get('st_b1')
        ?.sources.map((source) => source.key)
        .sort(),
    ).toEqual(['publisher:example.org', 'publisher:two']);
    expect(summaries.get('st_b2')?.sources).toHaveLength(1);
  });

  it('sets a story headline', async () => {
    await storyWith(store, 'st_h', [article(1, 'st_h')]);
    await store.setStoryHeadline('st_h', 'New headline', 'New summary');
    expect(await store.storySummary('st_h')).toMatchObject({ title: 'New headline', summary: 'New summary' });
  });

  it('merges a story into another: articles, sources and span move, and the old ids still resolve', async () => {
    await storyWith(store, 'st_m1', [article(3, 'st_m1'), article(4, 'st_m1')]);
    await storyWith(store, 'st_m2', [
      article(1, 'st_m2', { outletId: 'reuters', publisher: 'reuters.com', sourceKey: 'outlet:reuters' }),
    ]);
    await storyWith(store, 'st_m3', [article(6, 'st_m3')]);
    await store.transaction(async () => {
      await store.mergeStories('st_m1', 'st_m2');
      // A story that already absorbed another merges on: both old ids follow it.
      await store.mergeStories('st_m3', 'st_m1');
    });
    for (const id of ['st_m1', 'st_m2', 'st_m3']) {
      const story = await store.story(id);
      expect(story).toMatchObject({
        id: 'st_m3',
        firstPublishedAt: T0 + HOUR,
        lastPublishedAt: T0 + 6 * HOUR,
      });
      expect(story?.articles.map((a) => a.title)).toEqual([1, 3, 4, 6].map((n) => `Headline number ${n}`));
      expect(story?.sources.map((s) => s.key).sort()).toEqual(['outlet:reuters', 'publisher:example.org']);
    }
    expect(await store.storyIdByUrl('https://example.org/news/1')).toBe('st_m3');
    const summaries = await store.storySummaries(['st_m2', 'st_m3', 'st_none']);
    expect([...summaries.keys()]).toEqual(['st_m2', 'st_m3']);
    expect(summaries.get('st_m2')).toEqual(summaries.get('st_m3'));
    expect(summaries.get('st_m2')).toMatchObject({ id: 'st_m3', lastPublishedAt: T0 + 6 * HOUR });
    expect(await store.storySummary('st_m1')).toMatchObject({ id: 'st_m3' });
    // A fresh index built from the store sees one story.
    const stored = await store.articlesAfter(0, 10);
    expect(new Set(stored.map((a) => a.storyId))).toEqual(new Set(['st_m3']));
  });

  it('tells which source ids and canonical URLs are stored', async () => {
    await storyWith(store, 'st_k', [article(1, 'st_k'), article(2, 'st_k', { canonicalUrl: null })]);
    const keys = await store.storedArticleKeys(
      ['src-1', 'src-2', 'src-3'],
      ['https://example.org/news/1', 'https://example.org/news/2'],
    );
    expect([...keys].sort()).toEqual(['https://example.org/news/1', 'src-1', 'src-2']);
    expect(await store.storedArticleKeys([], [])).toEqual(new Set());
  });

  it('skips an article whose source id or canonical URL is stored, counting it nowhere', async () => {
    await storyWith(store, 'st_d', [article(1, 'st_d')]);
    await store.transaction(() =>
      store.createStories([{ id: 'st_e', title: 'e', summary: null, publishedAt: T0 }]),
    );
    const ids = await store.transaction(() =>
      store.addArticles([
        article(1, 'st_e', { canonicalUrl: 'https://example.org/other' }),
        article(5, 'st_e', { canonicalUrl: 'https://example.org/news/1' }),
        article(6, 'st_e', { publisher: 'six.example', sourceKey: 'publisher:six.example' }),
        article(6, 'st_e', { canonicalUrl: 'https://example.org/six-again' }),
      ]),
    );
    expect(ids).toHaveLength(1);
    expect(await store.articleCount()).toBe(2);
    expect((await store.story('st_e'))?.articles.map((a) => a.url)).toEqual(['https://example.org/news/6']);
    expect((await store.storySummary('st_e'))?.sources).toEqual([
      { key: 'publisher:six.example', lean: null },
    ]);
    expect((await store.story('st_d'))?.articles).toHaveLength(1);
  });

  it('pages articles by id and by publication window', async () => {
    const ids = await storyWith(
      store,
      'st_p',
      [1, 2, 3, 4, 5].map((n) => article(n, 'st_p')),
    );
    const first = await store.articlesAfter(0, 2);
    expect(first.map((a) => a.id)).toEqual(ids.slice(0, 2));
    expect(first[0]).toEqual({
      id: ids[0],
      storyId: 'st_p',
      title: 'Headline number 1',
      description: null,
      publishedAt: T0 + HOUR,
    });
    expect((await store.articlesAfter(ids[1] ?? 0, 10)).map((a) => a.id)).toEqual(ids.slice(2));
    expect(await store.articlesAfter(ids[4] ?? 0, 10)).toEqual([]);
    const window = await store.articlesPublishedWithin({ from: T0 + 2 * HOUR, to: T0 + 4 * HOUR }, 10);
    expect(window.map((a) => a.title)).toEqual([
      'Headline number 2',
      'Headline number 3',
      'Headline number 4',
    ]);
    expect(await store.articlesPublishedWithin({ from: T0 + 2 * HOUR, to: T0 + 4 * HOUR }, 1)).toHaveLength(
      1,
    );
  });

  it('rolls a failed transaction back whole', async () => {
    await expect(
      store.transaction(async () => {
        await store.createStories([{ id: 'st_r', title: 'r', summary: null, publishedAt: T0 }]);
        await store.addArticles([article(1, 'st_r')]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await store.articleCount()).toBe(0);
    expect(await store.storySummary('st_r')).toBeNull();
    // The store goes on working after a rollback.
    await storyWith(store, 'st_r', [article(1, 'st_r')]);
    expect(await store.articleCount()).toBe(1);
  });

  it('runs transactions one at a time', async () => {
    const events: string[] = [];
    const work = (name: string) => async () => {
      events.push(`${name} start`);
      await store.articleCount();
      await new Promise((resolve) => setTimeout(resolve, 20));
      events.push(`${name} end`);
    };
    await Promise.all([store.transaction(work('a')), store.transaction(work('b'))]);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('gives lookups a read handle that sees commits and refuses writes', async () => {
    const reader = await openReadStore(target);
    try {
      expect(await reader.articleCount()).toBe(0);
      await storyWith(store, 'st_w', [article(1, 'st_w')]);
      expect(await reader.articleCount()).toBe(1);
      expect((await reader.storySummary('st_w'))?.id).toBe('st_w');
      await expect(
        reader.createStories([{ id: 'st_x', title: 'x', summary: null, publishedAt: T0 }]),
      ).rejects.toThrow(/read-?only/i);
      await expect(
        reader.transaction(() => reader.setStoryHeadline('st_w', 'changed', null)),
      ).rejects.toThrow(/read-?only/i);
      const reuters = (await reader.outletByDomains(['reuters.com']))?.outlet;
      await expect(reader.upsertOutlets(reuters === undefined ? [] : [reuters])).rejects.toThrow(
        /read-?only/i,
      );
      expect((await store.storySummary('st_w'))?.title).toBe('Headline number 1');
      expect(await store.storySummary('st_x')).toBeNull();
    } finally {
      await reader.close();
    }
  });

  it('ingests the demo corpus, and a re-run adds nothing', async () => {
    const first = await ingestLines(store, readLines(DEMO_CORPUS_FILE));
    const second = await ingestLines(store, readLines(DEMO_CORPUS_FILE));
    expect(first.added).toBe(first.read);
    expect(second).toMatchObject({ added: 0, duplicates: first.read, storiesCreated: 0 });
    expect(await store.articleCount()).toBe(first.added);
    const russia = await store.storyIdByUrl(
      'https://www.theguardian.com/world/2025/aug/05/russia-quits-european-anti-torture-convention-putin-signs-law',
    );
    const summary = await store.storySummary(russia ?? '');
    demoResults.set(kind, {
      added: first.added,
      storiesCreated: first.storiesCreated,
      russia: { id: russia, title: summary?.title, sources: summary?.sources.map((s) => s.key).sort() },
    });
    expect(summary?.sources).toHaveLength(31);
  });
});

// Runs after both stores' suites (vitest runs a file's blocks in order).
describe.runIf(storeKinds().length === 2)('both stores', () => {
  it('cluster the demo corpus into the same stories', () => {
    expect(demoResults.size).toBe(2);
    expect(demoResults.get('postgres')).toEqual(demoResults.get('sqlite'));
  });
});
