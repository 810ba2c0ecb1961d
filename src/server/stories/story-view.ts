/** Stored stories as the wire contract shows them. Pure. */
import { blindspotOf, distributionOf } from '../../core/bias-distribution.js';
import type { Story, StoryArticle, StorySummary } from '../../core/contract.js';
import type { StoredArticle, StoredStory, StoredStorySummary } from '../store/store.js';

export function toStorySummary(story: StoredStorySummary): StorySummary {
  const distribution = distributionOf(story.sources.map((source) => ({ id: source.key, lean: source.lean })));
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
