/**
 * Articles without a time of their own (JSON Lines without `publishedAt`, feed items without a date)
 * are stored at the ingest's time, but that shared time is no evidence that they report one event:
 * they must cluster by their text alone, not into one story because their times coincide.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestLines } from '../../src/server/ingest/ingest-articles.js';
import { storeKinds, tempStoreOf } from './helpers.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/stories/undated.jsonl', import.meta.url));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(storeKinds())('%s: ingesting undated articles', (kind) => {
  it('keeps different events apart and still joins close reports of one', async () => {
    const { store, dispose } = await tempStoreOf(kind);
    cleanups.push(dispose);
    const lines = readFileSync(FIXTURE, 'utf8').split('\n');
    const summary = await ingestLines(store, lines);
    expect(summary.added).toBe(12);

    const eventOf = new Map(
      lines
        .filter((line) => line.trim() !== '')
        .map((line) => {
          const { title, story } = JSON.parse(line) as { title: string; story: string };
          return [title, story];
        }),
    );
    const events = new Map<string, Set<string>>();
    for (const article of await store.articlesAfter(0, 100)) {
      const event = eventOf.get(article.title) ?? '';
      const held = events.get(article.storyId) ?? new Set();
      held.add(event);
      events.set(article.storyId, held);
    }
    for (const held of events.values()) expect([...held]).toHaveLength(1);
    expect(new Set([...events.values()].map((held) => [...held][0])).size).toBe(4);
    // Close paraphrases (same names and numbers) are one story.
    expect(events.size).toBeLessThan(12);
  });
});
