/** Stored stories as the wire contract shows them. Pure. */
import { blindspotOf, distributionOf } from '../../core/bias-distribution.js';
import type { Story, StoryArticle, StorySummary } from '../../core/contract.js';
import type { StoredArticle, StoredStory } from '../store/store.js';

/**
 * Who stands behind an article for counting sources: its outlet, else the host or name it came
 * with, else the article itself. Unknown publishers count as unrated, never as center.
 */
function sourceKey(article: StoredArticle, index: number): string {
  if (article.outlet !== null) return `outlet:${article.outlet.id}`;
  if (article.publisher !== null) return `publisher:${article.publisher}`;
  return `article:${index}`;
}

export function toStorySummary(story: StoredStory): StorySummary {
  const distribution = distributionOf(
    story.articles.map((article, index) => ({
      id: sourceKey(article, index),
      lean: article.outlet?.lean ?? null,
    })),
  );
  return {
    id: story.id,
    title: story.title,
    summary: story.summary,
    sourceCount: distribution.left + distribution.center + distribution.right + distribution.unrated,
    firstPublishedAt: new Date(story.firstPublishedAt).toISOString(),
    lastPublishedAt: new Date(story.lastPublishedAt).toISOString(),
    distribution,
    blindspot: blindspotOf(distribution),
  };
}

function toStoryArticle(article: StoredArticle): StoryArticle {
  return {
    url: article.url,
    title: article.title,
    description: article.description,
    publishedAt: new Date(article.publishedAt).toISOString(),
    outlet: article.outlet,
  };
}

export function toStory(story: StoredStory): Story {
  return { ...toStorySummary(story), articles: story.articles.map(toStoryArticle) };
}
