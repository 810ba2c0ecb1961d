import { createHash } from 'node:crypto';
import { articleTerms } from './article-terms.js';
import { bestMatch } from './best-match.js';
import { weighItem } from './match-features.js';
import { joinProbability, type MatchModel } from './match-model.js';
import type { StoryIndex } from './story-index.js';
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
}

export interface Assignment {
  storyId: string;
  created: boolean;
  /** The story's representative article changed: its title and summary are now this article's. */
  headlineChanged: boolean;
}

/**
 * Online clustering step: the article joins its most probable story within the time window when the
 * join model's probability reaches the cluster threshold, else starts a new story; either way it is added
 * to the index. Articles must arrive in publication order.
 */
export function clusterArticle(index: StoryIndex, model: MatchModel, article: ArticleToCluster): Assignment {
  const terms = articleTerms(article.title, article.description);
  const item = weighItem(terms, article.publishedAt, article.description !== null, index.stats);
  const best = bestMatch(index, model, item, windowAround(article.publishedAt), null, joinProbability);
  const joined = best !== null && best.probability >= model.join.threshold ? best.story.id : null;
  const storyId = joined ?? storyIdFor(article.key);
  const headlineChanged = index.add({ ...article, storyId, terms });
  return { storyId, created: joined === null, headlineChanged };
}
