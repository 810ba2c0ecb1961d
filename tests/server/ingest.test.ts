import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestLines } from '../../src/server/ingest/ingest-articles.js';
import { readLines } from '../../src/server/ingest/read-lines.js';
import type { Store } from '../../src/server/store/store.js';
import { tempStore } from './helpers.js';

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

  it('ingests in several transactions without changing the outcome', async () => {
    const summary = await ingestLines(store, GOOD, { batchSize: 1 });
    expect(summary).toMatchObject({ added: 3, storiesCreated: 2 });
  });
});
