/**
 * Looks up a batch of headline links for the badges: through the same privacy gate as a page
 * lookup, then the badge cache (per canonical URL), then the API in requests of at most 50, and
 * the answers recounted with the reader's rating choices.
 */
import { MAX_BATCH, type LookupItem, type LookupResult, type StorySummary } from '../../core/contract.js';
import { summaryOf } from '../../core/story-with-choices.js';
import type { BadgeHeadline } from '../badge-messages.js';
import type { BadgeStory } from '../badge-replies.js';
import type { ChooserSource } from './apply-rating-choices.js';
import type { BadgeCache } from './badge-cache.js';
import type { LookupClient } from './lookup-client.js';
import type { NewsSites } from './news-sites.js';
import { lookupItemOf, mayLeaveBrowser } from './page-lookup.js';

export interface BadgeLookupDeps {
  sites: NewsSites;
  cache: BadgeCache;
  /** Must give clients wrapped by `withRatingChoices` (and the network guard). */
  clientFor(apiBaseUrl: string): LookupClient;
  chooser: ChooserSource;
}

/**
 * WARNING: the privacy gate for headline links. A link the link finder took for an article may
 * leave the browser only when it points at a site of the outlet directory, exactly as a page
 * lookup without article markup; it carries its headline and canonical URL, nothing else.
 */
export function headlineItemOf(headline: BadgeHeadline, sites: NewsSites): LookupItem | undefined {
  const page = { title: headline.title, canonicalUrl: headline.url, isArticle: true };
  const item = mayLeaveBrowser(page, headline.url, sites) ? lookupItemOf(page) : undefined;
  return item?.url === undefined ? undefined : item;
}

function badgeStoryOf(story: StorySummary): BadgeStory {
  const { id, title, sourceCount, distribution } = story;
  return { storyId: id, title, sourceCount, ...distribution };
}

/** The API's answers for `items` not cached yet, one request per 50, cached as they come. */
async function fetchMissing(
  apiBaseUrl: string,
  items: readonly LookupItem[],
  deps: BadgeLookupDeps,
): Promise<Map<string, LookupResult>> {
  const fetched = new Map<string, LookupResult>();
  for (let start = 0; start < items.length; start += MAX_BATCH) {
    const chunk = items.slice(start, start + MAX_BATCH);
    const { results } = await deps.clientFor(apiBaseUrl).lookup(chunk);
    const answered = new Map(chunk.map((item, i) => [item.url ?? '', results[i] as LookupResult]));
    await deps.cache.setMany(apiBaseUrl, answered);
    for (const [url, result] of answered) fetched.set(url, result);
  }
  return fetched;
}

/**
 * With non-default rating choices a summary's counts must be recounted from the story's articles
 * (as `lookUpWithChoices` does); a story that cannot be fetched draws no badge rather than the
 * consensus numbers the reader chose not to see.
 */
async function withChoices(
  apiBaseUrl: string,
  summaries: readonly StorySummary[],
  deps: BadgeLookupDeps,
): Promise<Map<string, StorySummary>> {
  const byId = new Map(summaries.map((summary) => [summary.id, summary]));
  if ((await deps.chooser()) === null) return byId;
  const client = deps.clientFor(apiBaseUrl);
  const recounted = await Promise.allSettled([...byId.keys()].map((id) => client.getStory(id)));
  const chosen = new Map<string, StorySummary>();
  for (const outcome of recounted)
    if (outcome.status === 'fulfilled') chosen.set(outcome.value.id, summaryOf(outcome.value));
  return chosen;
}

/** One answer per headline, in order: the story to draw, or null. */
export async function lookUpHeadlines(
  apiBaseUrl: string,
  headlines: readonly BadgeHeadline[],
  deps: BadgeLookupDeps,
): Promise<(BadgeStory | null)[]> {
  const items = headlines.map((headline) => headlineItemOf(headline, deps.sites));
  const unique = new Map<string, LookupItem>();
  for (const item of items) if (item?.url !== undefined && !unique.has(item.url)) unique.set(item.url, item);
  const results = await deps.cache.getMany(apiBaseUrl, [...unique.keys()]);
  const missing = [...unique.values()].filter((item) => !results.has(item.url ?? ''));
  for (const [url, result] of await fetchMissing(apiBaseUrl, missing, deps)) results.set(url, result);
  const found = [...results.values()].flatMap((result) => (result.story === null ? [] : [result.story]));
  const stories = await withChoices(apiBaseUrl, found, deps);
  return items.map((item) => {
    const story = item?.url === undefined ? undefined : results.get(item.url)?.story;
    const shown = story ? stories.get(story.id) : undefined;
    return shown ? badgeStoryOf(shown) : null;
  });
}
