/** Replays a gold data set through the engine's online clustering step, in publication order. */
import { clusterArticle, survivorOf } from '../../src/server/matching/assign-story.js';
import type { MatchModel } from '../../src/server/matching/match-model.js';
import { StoryIndex } from '../../src/server/matching/story-index.js';
import type { TermStatistics } from '../../src/server/matching/term-statistics.js';
import type { GoldArticle } from './story-data.js';

/** The articles in publication order (undated first, as the stream holds them on ties). */
export function inTimeOrder<T extends { publishedAt: number | null }>(articles: readonly T[]): T[] {
  return articles
    .map((article, i) => ({ article, i }))
    .sort((a, b) => (a.article.publishedAt ?? 0) - (b.article.publishedAt ?? 0) || a.i - b.i)
    .map(({ article }) => article);
}

/** The story each article ended in (after any merges), in the order of `articles`. */
export function replayClustering(
  articles: readonly GoldArticle[],
  model: MatchModel,
  stats: TermStatistics,
): string[] {
  const index = new StoryIndex(stats);
  const order = inTimeOrder(articles.map((article, i) => ({ article, i, publishedAt: article.publishedAt })));
  const assigned: string[] = new Array<string>(articles.length);
  // Merged-away story ids and the story each merged into, as the store would redirect them.
  const mergedInto = new Map<string, string>();
  for (const { article, i } of order) {
    const { storyId, merged } = clusterArticle(index, model, { ...article, key: `id:${article.sourceId}` });
    assigned[i] = storyId;
    for (const id of merged) mergedInto.set(id, storyId);
  }
  return assigned.map((id) => survivorOf(mergedInto, id));
}
