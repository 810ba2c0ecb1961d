import { createHash } from 'node:crypto';
import type { Store } from '../store/store.js';
import { findBestStory, windowAround } from './find-best-story.js';
import { CLUSTER_THRESHOLD } from './thresholds.js';

export interface StorySeed {
  /** What makes the article unique (its canonical URL, else its source id): the new story's id derives from it. */
  key: string;
  title: string;
  description: string | null;
  publishedAt: number;
}

/** Stable story ids: the same corpus ingested into a fresh database gives the same ids. */
export function storyIdFor(key: string): string {
  return `st_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

/**
 * Online clustering step: the article joins the most similar story at or above CLUSTER_THRESHOLD
 * (within the time window when its time is known), or starts a new story seeded with its headline.
 */
export async function assignStory(
  store: Store,
  terms: ReadonlySet<string>,
  dated: boolean,
  seed: StorySeed,
): Promise<{ storyId: string; created: boolean }> {
  const best = await findBestStory(store, terms, windowAround(dated ? seed.publishedAt : null));
  if (best !== null && best.score >= CLUSTER_THRESHOLD) return { storyId: best.id, created: false };
  const storyId = storyIdFor(seed.key);
  await store.createStory({
    id: storyId,
    title: seed.title,
    summary: seed.description,
    publishedAt: seed.publishedAt,
  });
  return { storyId, created: true };
}
