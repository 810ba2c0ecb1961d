import { canonicalizeUrl } from '../../core/canonical-url.js';
import type { LookupItem, LookupResult } from '../../core/contract.js';
import type { Store } from '../store/store.js';
import { toStorySummary } from '../stories/story-view.js';
import { findBestStory, windowAround } from './find-best-story.js';
import { itemTerms } from './item-terms.js';
import { MATCH_THRESHOLD } from './thresholds.js';

const NO_MATCH: LookupResult = { story: null, matchedBy: null, score: null };

/** One lookup: the exact canonical URL first, then text similarity at or above MATCH_THRESHOLD. */
export async function lookupItem(store: Store, item: LookupItem): Promise<LookupResult> {
  const url = item.url === undefined ? null : canonicalizeUrl(item.url);
  if (url !== null) {
    const storyId = await store.storyIdByUrl(url);
    const story = storyId === null ? null : await store.story(storyId);
    if (story !== null) return { story: toStorySummary(story), matchedBy: 'url', score: 1 };
  }
  const publishedAt = item.publishedAt === undefined ? null : Date.parse(item.publishedAt);
  const best = await findBestStory(store, itemTerms(item.title, item.description), windowAround(publishedAt));
  if (best === null || best.score < MATCH_THRESHOLD) return NO_MATCH;
  const story = await store.story(best.id);
  if (story === null) return NO_MATCH;
  return { story: toStorySummary(story), matchedBy: 'text', score: Math.round(best.score * 1000) / 1000 };
}
