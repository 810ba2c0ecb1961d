import { createHash } from 'node:crypto';
import { articleTerms } from './article-terms.js';
import { JOIN_DECISION, LOOKUP_DECISION, scoreCandidates } from './best-match.js';
import { weighItem } from './match-features.js';
import { matchThreshold, type MatchModel } from './match-model.js';
import type { StoryHeadline, StoryIndex } from './story-index.js';
import { windowAround } from './time-window.js';

/** Stable story ids: the same corpus ingested into a fresh database gives the same ids. */
export function storyIdFor(key: string): string {
  return `st_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

export interface ArticleToCluster {
  /** What makes the article unique (its canonical URL, else its source id): a new story's id derives from it. */
  key: string;
  title: string;
  description: string | null;
  publishedAt: number | null;
  /**
   * Its time is the ingest's, not one its source gave (`publishedAt` still says where it goes in the
   * index). Articles stamped alike by one ingest share a time that says nothing of their events.
   */
  timeAssumed?: boolean;
}

export interface Assignment {
  storyId: string;
  created: boolean;
  /** The story's new headline (its most representative article's) when this article changed it. */
  headline: StoryHeadline | null;
  /**
   * Stories this article showed to be one with its own, merged into `storyId` (merged-away ids first
   * to last): their articles now belong to `storyId`.
   */
  merged: string[];
}

/**
 * Online clustering step: the article joins its most probable story within the time window when the
 * join model's probability reaches the cluster threshold, else starts a new story; either way it is added
 * to the index. When the article would as well have joined other candidates alike enough to its story
 * (the merge rule), those are one story split early and merge into the largest. Articles must
 * arrive in publication order. An article whose time is assumed is judged by its text, as an
 * undated lookup is (the undated model and its threshold, among the stories around that time), and
 * merges nothing: the join and merge rules weigh time gaps.
 */
export function clusterArticle(index: StoryIndex, model: MatchModel, article: ArticleToCluster): Assignment {
  const assumed = article.timeAssumed === true;
  const terms = articleTerms(article.title, article.description);
  const itemTime = assumed ? null : article.publishedAt;
  const item = weighItem(terms, itemTime, article.description !== null, index.stats);
  const candidates = scoreCandidates(
    index,
    model,
    item,
    windowAround(article.publishedAt),
    null,
    assumed ? LOOKUP_DECISION : JOIN_DECISION,
  );
  const best = candidates[0];
  const threshold = (features: readonly number[]) =>
    assumed ? matchThreshold(model, features) : model.join.threshold;
  if (best === undefined || best.probability < threshold(best.features)) {
    const storyId = storyIdFor(article.key);
    const changed = index.add({ ...article, storyId, terms });
    return {
      storyId,
      created: true,
      headline: changed ? (index.get(storyId)?.headline ?? null) : null,
      merged: [],
    };
  }
  let survivor = best.story;
  // The survivor's headline before this article: only the survivor's change is reported.
  let headlineBefore = survivor.headline;
  index.add({ ...article, storyId: survivor.id, terms });
  const merged: string[] = [];
  // Candidates come most probable first: the rest are below the merge threshold too.
  for (const { story, probability } of assumed ? [] : candidates.slice(1)) {
    if (probability < model.merge.threshold) break;
    if (index.centroidCosine(survivor, story) < model.merge.cosine) continue;
    // The larger story survives: fewer stored articles change story.
    const [into, from] = story.size > survivor.size ? [story, survivor] : [survivor, story];
    // A candidate surviving is untouched by this article until now: its headline is the one before.
    if (into !== survivor) headlineBefore = into.headline;
    index.merge(into.id, from.id);
    merged.push(from.id);
    survivor = into;
  }
  const headline = survivor.headline === headlineBefore ? null : survivor.headline;
  return { storyId: survivor.id, created: false, headline, merged };
}

/** The story a story id now stands for, following `mergedInto` (merged-away id → the story it merged into). */
export function survivorOf(mergedInto: ReadonlyMap<string, string>, storyId: string): string {
  let id = storyId;
  for (let next = mergedInto.get(id); next !== undefined; next = mergedInto.get(id)) id = next;
  return id;
}
