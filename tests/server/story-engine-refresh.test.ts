/**
 * An API process's index catches up with articles another process stored; many lookups arriving at
 * once past the refresh interval must add each new article once, not once per lookup that noticed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestLines } from '../../src/server/ingest/ingest-articles.js';
import { loadMatchModel } from '../../src/server/matching/match-model.js';
import { loadBackgroundStatistics } from '../../src/server/matching/term-statistics.js';
import { MATCH_MODEL_FILE, TERM_STATS_FILE } from '../../src/server/paths.js';
import { StoryEngine } from '../../src/server/stories/story-engine.js';
import { openStore } from '../../src/server/store/open-store.js';
import type { Store } from '../../src/server/store/store.js';
import { storeKinds, tempStoreOf } from './helpers.js';

const DEMO = fileURLToPath(new URL('../../data/demo/articles.jsonl', import.meta.url));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Articles per story as the store holds them. */
async function storedSizes(store: Store): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const article of await store.articlesAfter(0, 10_000))
    sizes.set(article.storyId, (sizes.get(article.storyId) ?? 0) + 1);
  return sizes;
}

describe.each(storeKinds())('%s: catching up with another process', (kind) => {
  it('adds each new article once however many lookups refresh at the same moment', async () => {
    const writer = await tempStoreOf(kind);
    cleanups.push(writer.dispose);
    const reader = await openStore(writer.target);
    cleanups.push(() => reader.close());
    const engine = new StoryEngine(reader, {
      model: loadMatchModel(MATCH_MODEL_FILE),
      background: loadBackgroundStatistics(TERM_STATS_FILE),
      refreshMs: 0,
    });
    await engine.catchUp();
    expect(engine.index.storyCount).toBe(0);

    await ingestLines(writer.store, readFileSync(DEMO, 'utf8').split('\n'));
    await Promise.all(Array.from({ length: 8 }, () => engine.refresh()));

    const sizes = await storedSizes(writer.store);
    expect(sizes.size).toBeGreaterThan(3);
    expect(engine.index.storyCount).toBe(sizes.size);
    for (const [storyId, size] of sizes) expect(engine.index.get(storyId)?.size).toBe(size);
  });
});
