import { canonicalizeUrl } from '../../core/canonical-url.js';
import type { LookupItem, LookupResult } from '../../core/contract.js';
import type { StoryEngine } from '../stories/story-engine.js';
import { toStorySummary } from '../stories/story-view.js';
import { articleTerms } from './article-terms.js';
import { bestMatch } from './best-match.js';
import { weighItem } from './match-features.js';
import { matchThreshold } from './match-model.js';
import { windowAround } from './time-window.js';

const NO_MATCH: LookupResult = { story: null, matchedBy: null, score: null };

/**
 * One lookup: the exact canonical URL first, then the match model over the stories within the time
 * window around the item's time (without one: every story the index keeps, the recent ones). The
 * score is then the model's probability that the story is the item's, answered only at or above
 * the calibrated threshold: a wrong story is worse than none.
 */
async function lookupItem(engine: StoryEngine, item: LookupItem): Promise<LookupResult> {
  const { store, model } = engine;
  const url = item.url === undefined ? null : canonicalizeUrl(item.url);
  if (url !== null) {
    const storyId = await store.storyIdByUrl(url);
    const story = storyId === null ? null : await engine.summary(storyId);
    if (story !== null) return { story: toStorySummary(story), matchedBy: 'url', score: 1 };
  }
  const publishedAt = item.publishedAt === undefined ? null : Date.parse(item.publishedAt);
  const window = windowAround(publishedAt);
  const index = await engine.indexFor(window);
  const description = item.description?.trim() || null;
  const weighted = weighItem(
    articleTerms(item.title, description),
    publishedAt,
    description !== null,
    index.stats,
  );
  const best = bestMatch(index, model, weighted, window);
  if (best === null || best.probability < matchThreshold(model, best.features)) return NO_MATCH;
  const story = await engine.summary(best.story.id);
  if (story === null) return NO_MATCH;
  return {
    story: toStorySummary(story),
    matchedBy: 'text',
    score: Math.round(best.probability * 1000) / 1000,
  };
}

/** A batch of lookups, answered in order, against the index as it stands after one refresh. */
export async function lookupItems(
  engine: StoryEngine,
  items: readonly LookupItem[],
): Promise<LookupResult[]> {
  await engine.refresh();
  const results: LookupResult[] = [];
  for (const item of items) results.push(await lookupItem(engine, item));
  return results;
}
