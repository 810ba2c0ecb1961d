/** Replays a gold data set through the engine's online clustering step, in publication order. */
import { clusterArticle } from '../../src/server/matching/assign-story.js';
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

/** The story each article was put in, in the order of `articles`. */
export function replayClustering(
  articles: readonly GoldArticle[],
  model: MatchModel,
  stats: TermStatistics,
): string[] {
  const index = new StoryIndex(stats);
  const order = inTimeOrder(articles.map((article, i) => ({ article, i, publishedAt: article.publishedAt })));
  const assigned: string[] = new Array<string>(articles.length);
  for (const { article, i } of order) {
    assigned[i] = clusterArticle(index, model, { ...article, key: `id:${article.sourceId}` }).storyId;
  }
  return assigned;
}
