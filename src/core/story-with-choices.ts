/**
 * A story as the reader's rating choices show it: each article's outlet lean replaced by the chosen
 * one, and the distribution and blindspot recomputed from those. Used by the extension's background
 * before the popup and badges see a story; the server keeps the consensus. Pure.
 */
import { blindspotOf, distributionOf, type Distribution } from './bias-distribution.js';
import type { Story, StorySummary } from './contract.js';
import type { LeanChooser } from './rating-choices.js';

/**
 * The distribution of a story's articles with the chosen leans. Articles without a known outlet
 * cannot be re-rated: the API counted them as unrated by publisher, a grouping the wire does not
 * carry, so their share of `unrated` is kept as the API counted it.
 */
export function distributionFor(story: Story, choose: LeanChooser): Distribution {
  const known = story.articles.flatMap((article) => (article.outlet === null ? [] : [article.outlet]));
  const asSent = distributionOf(known);
  const unknownPublishers = Math.max(0, story.distribution.unrated - asSent.unrated);
  const chosen = distributionOf(
    known.map((outlet) => ({ id: outlet.id, lean: choose(outlet.id, outlet.lean) })),
  );
  return { ...chosen, unrated: chosen.unrated + unknownPublishers };
}

export function storyWithChoices(story: Story, choose: LeanChooser): Story {
  const distribution = distributionFor(story, choose);
  return {
    ...story,
    distribution,
    blindspot: blindspotOf(distribution),
    articles: story.articles.map((article) =>
      article.outlet === null
        ? article
        : { ...article, outlet: { ...article.outlet, lean: choose(article.outlet.id, article.outlet.lean) } },
    ),
  };
}

/** The summary part of a story (what a lookup answers), e.g. after `storyWithChoices`. */
export function summaryOf(story: Story): StorySummary {
  const { articles: _articles, ...summary } = story;
  return summary;
}
