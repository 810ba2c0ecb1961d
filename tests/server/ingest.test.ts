import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Story } from '../../src/core/contract.js';
import { createApp } from '../../src/server/app.js';
import { ingestLines } from '../../src/server/ingest/ingest-articles.js';
import { readLines } from '../../src/server/ingest/read-lines.js';
import { DEMO_CORPUS_FILE } from '../../src/server/paths.js';
import type { Store } from '../../src/server/store/store.js';
import { storeKinds, tempStore, tempStoreOf } from './helpers.js';

const line = (fields: Record<string, unknown>) => JSON.stringify(fields);

const GOOD = [
  line({
    id: 'a1',
    title: 'Putin signs law withdrawing Russia from European anti-torture convention',
    description: 'Russia leaves the European Convention for the Prevention of Torture.',
    url: 'https://www.reuters.com/world/europe/putin-torture-convention/?utm_source=rss',
    outlet: 'Reuters',
    publishedAt: '2025-08-05T08:40:00Z',
    story: 'gold-1',
  }),
  line({
    id: 'a2',
    title: 'Russia <b>quits</b> European anti-torture convention &amp; ends prison visits',
    description: '<p>Putin signed the law on the European Convention for the Prevention of Torture.</p>',
    url: 'https://www.theguardian.com/world/2025/aug/05/russia-torture',
    publishedAt: Date.parse('2025-08-05T09:10:00Z'),
  }),
  line({
    id: 'a3',
    title: 'Town council approves bicycle lanes on Main Street',
    url: 'https://local.example.org/bikes',
  }),
];

describe('ingestLines', () => {
  let store: Store;
  let dir: string;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ store, dir, dispose } = await tempStore()));
  afterEach(async () => dispose());

  it('adds articles, clusters them, and reports counts', async () => {
    const summary = await ingestLines(store, GOOD);
    expect(summary).toMatchObject({ read: 3, added: 3, duplicates: 0, rejected: {}, storiesCreated: 2 });
    expect(summary.elapsedMs).toBeGreaterThanOrEqual(0);
    const storyId = await store.storyIdByUrl('https://www.reuters.com/world/europe/putin-torture-convention');
    expect(storyId).not.toBeNull();
    expect(await store.storyIdByUrl('https://www.theguardian.com/world/2025/aug/05/russia-torture')).toBe(
      storyId,
    );
  });

  it('stores plain text and resolves outlets by domain', async () => {
    await ingestLines(store, GOOD);
    const id = await store.storyIdByUrl('https://www.theguardian.com/world/2025/aug/05/russia-torture');
    const story = await store.story(id ?? '');
    const guardian = story?.articles.find((a) => a.url?.includes('theguardian'));
    expect(guardian?.title).toBe('Russia quits European anti-torture convention & ends prison visits');
    expect(guardian?.description).toBe(
      'Putin signed the law on the European Convention for the Prevention of Torture.',
    );
    expect(guardian?.outlet).toMatchObject({ id: 'the-guardian', lean: 'lean-left' });
    const local = await store.story((await store.storyIdByUrl('https://local.example.org/bikes')) ?? '');
    expect(local?.articles[0]?.outlet).toBeNull();
    expect(local?.articles[0]?.publisher).toBe('local.example.org');
  });

  it('adds nothing on a re-run, and dedupes by canonical URL', async () => {
    await ingestLines(store, GOOD);
    const again = await ingestLines(store, GOOD);
    expect(again).toMatchObject({ read: 3, added: 0, duplicates: 3, storiesCreated: 0 });
    const sameUrl = line({
      id: 'other-id',
      title: 'Another title',
      url: 'https://WWW.reuters.com/world/europe/putin-torture-convention#x',
    });
    expect(await ingestLines(store, [sameUrl])).toMatchObject({ added: 0, duplicates: 1 });
    expect(await store.articleCount()).toBe(3);
  });

  it('rejects bad lines with a reason and carries on', async () => {
    const summary = await ingestLines(store, [
      '{not json',
      '[1, 2]',
      line({ title: 'No id' }),
      line({ id: 'x1' }),
      line({ id: 'x2', title: '   <br>  ' }),
      line({ id: 'x3', title: 'Bad URL', url: 'ftp://example.com/a' }),
      line({ id: 'x4', title: 'Bad time', publishedAt: 'yesterday' }),
      '',
      ...GOOD,
    ]);
    expect(summary.read).toBe(10);
    expect(summary.added).toBe(3);
    expect(summary.rejected).toEqual({
      'invalid-json': 1,
      'not-an-object': 1,
      'invalid-id': 1,
      'invalid-title': 1,
      'empty-title': 1,
      'invalid-url': 1,
      'invalid-publishedAt': 1,
    });
  });

  it('reads .jsonl and .jsonl.gz files, and refuses other files', async () => {
    const plain = join(dir, 'a.jsonl');
    const gz = join(dir, 'b.jsonl.gz');
    writeFileSync(plain, `${GOOD.slice(0, 2).join('\n')}\n`);
    writeFileSync(gz, gzipSync(`${GOOD[2]}\n`));
    expect(await ingestLines(store, readLines(plain))).toMatchObject({ read: 2, added: 2 });
    expect(await ingestLines(store, readLines(gz))).toMatchObject({ read: 1, added: 1 });
    expect(() => readLines(join(dir, 'feed.xml'))).toThrow(/JSON Lines/);
  });

  it('ingests an article without a URL; the story endpoint shows each article’s canonical URL', async () => {
    const noUrl = line({
      id: 'n1',
      title: 'Ferry service resumes after the winter storms',
      outlet: 'reuters.com',
    });
    expect(await ingestLines(store, [...GOOD, noUrl])).toMatchObject({ added: 4, rejected: {} });
    const app = createApp({ store });
    const storyOf = async (id: string | null) =>
      Story.parse(await (await app.request(`/v1/stories/${id ?? ''}`)).json());
    const russia = await storyOf(
      await store.storyIdByUrl('https://www.reuters.com/world/europe/putin-torture-convention'),
    );
    expect(russia.articles.map((a) => a.url).sort()).toEqual([
      'https://www.reuters.com/world/europe/putin-torture-convention',
      'https://www.theguardian.com/world/2025/aug/05/russia-torture',
    ]);
    const stored = await store.articlesAfter(0, 10);
    const ferry = await storyOf(stored.find((a) => a.title.startsWith('Ferry'))?.storyId ?? null);
    expect(ferry.articles).toMatchObject([
      { url: null, title: 'Ferry service resumes after the winter storms', outlet: { id: 'reuters' } },
    ]);
  });

  it('ingests in several transactions without changing the outcome', async () => {
    const summary = await ingestLines(store, GOOD, { batchSize: 1 });
    expect(summary).toMatchObject({ added: 3, storiesCreated: 2 });
  });
});

describe('story titles and summaries', { timeout: 60_000 }, () => {
  /** Each stored story's title and summary, by the URL of its first article. */
  async function headlines(batchSize: number) {
    const { store, dispose } = await tempStore();
    try {
      await ingestLines(store, readLines(DEMO_CORPUS_FILE), { batchSize });
      const ids = new Set((await store.articlesAfter(0, 1000)).map((a) => a.storyId));
      const stories = await Promise.all([...ids].map((id) => store.story(id)));
      return stories.map((story) => {
        const own = story?.articles.find((a) => a.title === story.title);
        return { first: story?.articles[0]?.url, title: story?.title, summary: story?.summary, own };
      });
    } finally {
      await dispose();
    }
  }

  it('are one of the story’s own articles’ headline and description, whatever the batching', async () => {
    const one = await headlines(1000);
    for (const { title, summary, own } of one) {
      expect(own, `${title}`).toBeDefined();
      expect(summary).toBe(own?.description);
    }
    // Article by article, the stored headline follows each change; in one batch only the last counts.
    const byArticle = await headlines(1);
    const titles = (rows: typeof one) => rows.map(({ first, title, summary }) => ({ first, title, summary }));
    expect(titles(byArticle).sort((a, b) => String(a.first).localeCompare(String(b.first)))).toEqual(
      titles(one).sort((a, b) => String(a.first).localeCompare(String(b.first))),
    );
  });
});

// PostgreSQL refuses NUL in text where SQLite takes it: one such line must not sink its batch or the run.
describe.each(storeKinds())('ingestLines on the %s store', { timeout: 30_000 }, (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ store, dispose } = await tempStoreOf(kind)));
  afterEach(async () => dispose());

  it('cleans control characters from text and refuses an id holding NUL', async () => {
    const summary = await ingestLines(store, [
      line({
        id: 'c1',
        title: 'Dam\u0000 breaks\u0007 upstream',
        description: 'Water\u0000rises',
        outlet: 'x\u0000y',
      }),
      line({ id: 'c2\u0000', title: 'Id with a NUL' }),
      ...GOOD,
    ]);
    expect(summary).toMatchObject({ read: 5, added: 4, rejected: { 'invalid-id': 1 } });
    const dam = (await store.articlesAfter(0, 10)).find((a) => a.title.startsWith('Dam'));
    expect(dam).toMatchObject({ title: 'Dam breaks upstream', description: 'Water rises' });
    expect((await store.story(dam?.storyId ?? ''))?.articles[0]?.publisher).toBe('x y');
  });
});
