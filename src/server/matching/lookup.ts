import { canonicalizeUrl } from '../../core/canonical-url.js';
import type { LookupItem, LookupResult } from '../../core/contract.js';
import type { StoryEngine } from '../stories/story-engine.js';
import { articleTerms } from './article-terms.js';
import { bestMatch } from './best-match.js';
import { weighItem } from './match-features.js';
import { matchThreshold } from './match-model.js';
import { windowAround } from './time-window.js';

const NO_MATCH: LookupResult = { story: null, matchedBy: null, score: null };

/** The story an item's text matches, with the model's probability that it is the item's. */
interface TextMatch {
  storyId: string;
  probability: number;
}

/** The item's text match; null below the calibrated threshold. */
async function matchText(engine: StoryEngine, item: LookupItem): Promise<TextMatch | null> {
  const { model } = engine;
  const publishedAt = item.publishedAt === undefined ? null : Date.parse(item.publishedAt);
  // Without a time, around now: the newest article indexed (a live store's now, the demo's present).
  const window = windowAround(publishedAt ?? engine.index.newest);
  const index = await engine.indexFor(window);
  const description = item.description?.trim() || null;
  const weighted = weighItem(
    articleTerms(item.title, description),
    publishedAt,
    description !== null,
    index.stats,
  );
  const best = bestMatch(index, model, weighted, window);
  if (best === null || best.probability < matchThreshold(model, best.features)) return null;
  return { storyId: best.story.id, probability: best.probability };
}

/**
 * A batch of lookups, answered in order, against the index as it stands after one refresh. Each item:
 * the exact canonical URL first, then the match model over the stories within the time window around
 * the item's time (without one, around the newest article indexed, by the undated model). The score is
 * then the model's probability that the story is the item's, answered only at or above the calibrated
 * threshold: a wrong story is worse than none. The batch's URLs and its stories' summaries are each
 * read in one round trip, not one per item.
 */
export async function lookupItems(
  engine: StoryEngine,
  items: readonly LookupItem[],
): Promise<LookupResult[]> {
  await engine.refresh();
  const urls = items.map((item) => (item.url === undefined ? null : canonicalizeUrl(item.url)));
  const byUrl = await engine.store.storyIdsByUrls(urls.filter((url) => url !== null));
  const urlStories = await engine.summaries(byUrl.values());
  const byItsUrl = urls.map((url) => {
    const storyId = url === null ? undefined : byUrl.get(url);
    return storyId === undefined ? undefined : urlStories.get(storyId);
  });
  const textMatches: (TextMatch | null)[] = [];
  for (const [i, item] of items.entries())
    textMatches.push(byItsUrl[i] === undefined ? await matchText(engine, item) : null);
  const textStories = await engine.summaries(textMatches.flatMap((match) => match?.storyId ?? []));
  return items.map((_, i): LookupResult => {
    const urlStory = byItsUrl[i];
    if (urlStory !== undefined) return { story: urlStory, matchedBy: 'url', score: 1 };
    const match = textMatches[i];
    const story = match ? textStories.get(match.storyId) : undefined;
    if (!match || story === undefined) return NO_MATCH;
    return { story, matchedBy: 'text', score: Math.round(match.probability * 1000) / 1000 };
  });
}
