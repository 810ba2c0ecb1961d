/**
 * Leave-one-out matching over gold stories: every article is indexed under its gold story, then
 * each query is scored with itself left out of the index (or, for "absent story" queries, its whole
 * story), through the engine's own exclusion support rather than a rebuilt index.
 */
import { articleTerms, type ArticleTerms } from '../../src/server/matching/article-terms.js';
import { scoreCandidates, type ScoredCandidate } from '../../src/server/matching/best-match.js';
import { weighItem } from '../../src/server/matching/match-features.js';
import type { MatchModel } from '../../src/server/matching/match-model.js';
import { StoryIndex } from '../../src/server/matching/story-index.js';
import type { TermStatistics } from '../../src/server/matching/term-statistics.js';
import { windowAround } from '../../src/server/matching/time-window.js';
import type { GoldArticle } from './story-data.js';

export interface GoldEntry {
  article: GoldArticle;
  terms: ArticleTerms;
}

export interface GoldIndex {
  index: StoryIndex;
  entries: GoldEntry[];
}

export function indexGold(articles: readonly GoldArticle[], stats: TermStatistics): GoldIndex {
  const index = new StoryIndex(stats);
  const entries = articles.map((article) => {
    const terms = articleTerms(article.title, article.description);
    index.add({ ...article, storyId: article.story, terms });
    return { article, terms };
  });
  return { index, entries };
}

export interface QueryResult {
  gold: string;
  /** Best first. */
  candidates: ScoredCandidate[];
}

/** Scores each query with itself (or with `absent`, its whole story) left out; `timed` uses the ±window. */
export function leaveOneOut(
  { index }: GoldIndex,
  model: MatchModel,
  queries: readonly GoldEntry[],
  options: { timed: boolean; absent: boolean },
): QueryResult[] {
  return queries.map(({ article, terms }) => {
    const publishedAt = options.timed ? article.publishedAt : null;
    const item = weighItem(terms, publishedAt, article.description !== null, index.stats);
    const exclusion = options.absent
      ? { storyId: article.story }
      : {
          storyId: article.story,
          article: { terms, publishedAt: article.publishedAt, mass: index.massOf(terms) },
        };
    return {
      gold: article.story,
      candidates: scoreCandidates(index, model, item, windowAround(publishedAt), exclusion),
    };
  });
}

export interface Outcome {
  right: number;
  wrong: number;
  none: number;
}

/** Right / wrong / no match when answering only at or above `threshold`. */
export function outcomeAt(
  results: readonly { gold: string; best: string | null; score: number }[],
  threshold: number,
): Outcome {
  const outcome = { right: 0, wrong: 0, none: 0 };
  for (const { gold, best, score } of results) {
    if (best === null || score < threshold) outcome.none += 1;
    else if (best === gold) outcome.right += 1;
    else outcome.wrong += 1;
  }
  return outcome;
}

export function bestOf(
  results: readonly QueryResult[],
): { gold: string; best: string | null; score: number }[] {
  return results.map(({ gold, candidates }) => ({
    gold,
    best: candidates[0]?.story.id ?? null,
    score: candidates[0]?.probability ?? 0,
  }));
}
