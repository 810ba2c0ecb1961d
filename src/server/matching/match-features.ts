/**
 * The evidence that an item belongs to a story, as a fixed vector the match model weighs. Each
 * feature compares the item with the whole story (the share of its articles holding each term),
 * never with one headline: framings differ, the facts they name do not. Pure.
 */
import type { ArticleTerms } from './article-terms.js';
import type { Exclusion, IndexedStory } from './story-index.js';
import type { TermStatistics } from './term-statistics.js';

export const FEATURE_NAMES = [
  'textCover',
  'titleCover',
  'titleInText',
  'storyCover',
  'presence',
  'entityCover',
  'entityPresence',
  'hasEntities',
  'rarestShared',
  'storySize',
  'dated',
  'timeGap',
  'itemWeight',
  'hasDescription',
  'lead',
  'textCoverSquared',
] as const;

/** An item's terms with their weights, computed once per lookup. */
export interface WeightedItem {
  terms: ArticleTerms;
  publishedAt: number | null;
  weights: Map<string, number>;
  textWeight: number;
  titleWeight: number;
  entityWeight: number;
  hasDescription: boolean;
}

export function weighItem(
  terms: ArticleTerms,
  publishedAt: number | null,
  hasDescription: boolean,
  stats: TermStatistics,
): WeightedItem {
  const weights = new Map(terms.text.map((term) => [term, stats.idf(term)]));
  const sum = (list: readonly string[]) => list.reduce((total, term) => total + (weights.get(term) ?? 0), 0);
  return {
    terms,
    publishedAt,
    weights,
    textWeight: sum(terms.text),
    titleWeight: sum(terms.title),
    entityWeight: sum(terms.entities),
    hasDescription,
  };
}

const HOUR = 3_600_000;
/** Scales that bring features near [0, 1]. */
const MAX_IDF = 12;
const LARGE_STORY = 1000;
const HEAVY_ITEM = 60;
const TIME_SCALE_HOURS = 72;

/** Hours from `time` to the nearest of the story's article times, leaving one instance of `skip` out. */
function nearestGapHours(times: readonly number[], time: number, skip: number | null): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] ?? 0) < time) lo = mid + 1;
    else hi = mid;
  }
  let best = Infinity;
  let skipped = skip === null;
  for (let i = Math.max(0, lo - 2); i < Math.min(times.length, lo + 2); i += 1) {
    const value = times[i] ?? 0;
    if (!skipped && value === skip) {
      skipped = true;
      continue;
    }
    best = Math.min(best, Math.abs(value - time));
  }
  return best / HOUR;
}

/** The features without `lead`, which needs the other candidates (see `withLeads`). */
export function matchFeatures(
  item: WeightedItem,
  story: IndexedStory,
  exclusion: Exclusion | null,
): number[] {
  const left = exclusion?.storyId === story.id ? exclusion.article : undefined;
  const leftText = left === undefined ? null : new Set(left.terms.text);
  const leftTitle = left === undefined ? null : new Set(left.terms.title);
  const size = story.size - (left === undefined ? 0 : 1);
  const mass = story.mass - (left?.mass ?? 0);
  const textShare = (term: string) =>
    ((story.textCounts.get(term) ?? 0) - (leftText?.has(term) ? 1 : 0)) / size;
  const titleShare = (term: string) =>
    ((story.titleCounts.get(term) ?? 0) - (leftTitle?.has(term) ? 1 : 0)) / size;

  let textDot = 0;
  let presence = 0;
  let rarestShared = 0;
  for (const term of item.terms.text) {
    const weight = item.weights.get(term) ?? 0;
    const share = textShare(term);
    textDot += weight * share;
    if (share > 0) {
      presence += weight;
      rarestShared = Math.max(rarestShared, weight);
    }
  }
  let titleDot = 0;
  let titleInText = 0;
  for (const term of item.terms.title) {
    const weight = item.weights.get(term) ?? 0;
    titleDot += weight * titleShare(term);
    titleInText += weight * textShare(term);
  }
  let entityDot = 0;
  let entityPresence = 0;
  for (const term of item.terms.entities) {
    const weight = item.weights.get(term) ?? 0;
    const share = textShare(term);
    entityDot += weight * share;
    if (share > 0) entityPresence += weight;
  }

  const dated = item.publishedAt !== null && story.times.length > (left?.publishedAt != null ? 1 : 0);
  const gap =
    dated && item.publishedAt !== null
      ? nearestGapHours(story.times, item.publishedAt, left?.publishedAt ?? null)
      : 0;
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  const textCover = ratio(textDot, item.textWeight);
  return [
    textCover,
    ratio(titleDot, item.titleWeight),
    ratio(titleInText, item.titleWeight),
    ratio(textDot, mass / size),
    ratio(presence, item.textWeight),
    ratio(entityDot, item.entityWeight),
    ratio(entityPresence, item.entityWeight),
    item.entityWeight > 0 ? 1 : 0,
    rarestShared / MAX_IDF,
    Math.log1p(size) / Math.log1p(LARGE_STORY),
    dated ? 1 : 0,
    dated ? Math.log1p(gap) / Math.log1p(TIME_SCALE_HOURS) : 0,
    Math.min(item.textWeight / HEAVY_ITEM, 2),
    item.hasDescription ? 1 : 0,
    0,
    textCover * textCover,
  ];
}

const LEAD = FEATURE_NAMES.indexOf('lead');
const TEXT_COVER = FEATURE_NAMES.indexOf('textCover');

/** Sets each candidate's `lead`: how far its text cover is ahead of the best other candidate's. */
export function withLeads(rows: number[][]): number[][] {
  let best = -Infinity;
  let second = -Infinity;
  for (const row of rows) {
    const cover = row[TEXT_COVER] ?? 0;
    if (cover > best) {
      second = best;
      best = cover;
    } else if (cover > second) second = cover;
  }
  for (const row of rows) {
    const cover = row[TEXT_COVER] ?? 0;
    const other = cover === best ? second : best;
    row[LEAD] = Number.isFinite(other) ? cover - other : cover;
  }
  return rows;
}
