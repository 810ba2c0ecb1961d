/**
 * The evidence that an item belongs to a story, as a fixed vector the match model weighs. Each
 * feature compares the item with the whole story (the share of its articles holding each term),
 * never with one headline: framings differ, the facts they name do not. Pure.
 */
import type { ArticleTerms } from './article-terms.js';
import { lowerBound } from './lower-bound.js';
import type { IndexedStory, ResolvedExclusion } from './story-index.js';
import { UNKNOWN_TERM, type TermStatistics } from './term-statistics.js';
import { DAY, HOUR } from './time-window.js';

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
  'centroidCosine',
  'presenceSquared',
  'nearestArticle',
  'recentActivity',
  'storySpan',
] as const;

/** An item's terms with their weights, computed once per lookup, for the index whose statistics weighed it. */
export interface WeightedItem {
  terms: ArticleTerms;
  publishedAt: number | null;
  /** The weights of the item's terms that indexed articles hold, by term id. */
  weights: Map<number, number>;
  /** The ids of `terms.text` in order (UNKNOWN_TERM for terms no indexed article holds). */
  textIds: number[];
  /** The weights of `terms.text` in order, and where each title and entity term sits in it. */
  textWeights: number[];
  titleAt: number[];
  entityAt: number[];
  textWeight: number;
  /** The length of the item's IDF vector. */
  textNorm: number;
  titleWeight: number;
  entityWeight: number;
  hasDescription: boolean;
}

function weightAt(positions: readonly number[], weights: readonly number[]): number {
  let total = 0;
  for (const i of positions) total += weights[i] ?? 0;
  return total;
}

export function weighItem(
  terms: ArticleTerms,
  publishedAt: number | null,
  hasDescription: boolean,
  stats: TermStatistics,
): WeightedItem {
  const weights = new Map<number, number>();
  const position = new Map<string, number>();
  const textIds: number[] = [];
  const textWeights: number[] = [];
  let textWeight = 0;
  let squares = 0;
  for (const term of terms.text) {
    const id = stats.idOf(term);
    const weight = id === UNKNOWN_TERM ? stats.idf(term) : stats.idfOf(id);
    if (id !== UNKNOWN_TERM) weights.set(id, weight);
    position.set(term, textWeights.length);
    textIds.push(id);
    textWeights.push(weight);
    textWeight += weight;
    squares += weight * weight;
  }
  // Title and entity terms are among the text terms; one that is not counts as absent from stories.
  const positions = (list: readonly string[]) => list.flatMap((term) => position.get(term) ?? []);
  const titleAt = positions(terms.title);
  const entityAt = positions(terms.entities);
  return {
    terms,
    publishedAt,
    weights,
    textIds,
    textWeights,
    titleAt,
    entityAt,
    textWeight,
    textNorm: Math.sqrt(squares),
    titleWeight: weightAt(titleAt, textWeights),
    entityWeight: weightAt(entityAt, textWeights),
    hasDescription,
  };
}

const BUSY_STORY = 100;
/** Scales that bring features near [0, 1]. */
const MAX_IDF = 12;
const LARGE_STORY = 1000;
const HEAVY_ITEM = 60;
const TIME_SCALE_HOURS = 72;
const LONG_STORY_HOURS = 30 * 24;

/** Hours from `time` to the nearest of the story's article times, leaving one instance of `skip` out. */
function nearestGapHours(times: readonly number[], time: number, skip: number | null): number {
  const lo = lowerBound(times, time);
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

function sameTerms(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The largest share of the item's weight that one of the story's latest articles holds: a story
 * that drifted from its first headlines still has neighbours close to the next one.
 */
function nearestArticleCover(
  item: WeightedItem,
  story: IndexedStory,
  left: readonly number[] | null,
): number {
  let best = 0;
  let skipped = left === null;
  for (const terms of story.recent) {
    if (!skipped && left !== null && sameTerms(terms, left)) {
      skipped = true;
      continue;
    }
    let shared = 0;
    for (const term of terms) shared += item.weights.get(term) ?? 0;
    if (shared > best) best = shared;
  }
  return item.textWeight > 0 ? best / item.textWeight : 0;
}

/**
 * Hours from the story's first to its last dated article, one instance of `skip` left out. Mid-stream,
 * a story that has run for weeks is more often a subject that keeps drawing unrelated events than one event.
 */
function spanHours(times: readonly number[], skip: number | null): number {
  let first = 0;
  let last = times.length - 1;
  if (skip !== null && times[first] === skip) first += 1;
  else if (skip !== null && times[last] === skip) last -= 1;
  return last > first ? ((times[last] ?? 0) - (times[first] ?? 0)) / HOUR : 0;
}

/** How many of a story's articles lie within a day of `time`, the left-out one not counted. */
function articlesNear(times: readonly number[], time: number, left: number | null): number {
  const count = lowerBound(times, time + DAY + 1) - lowerBound(times, time - DAY);
  return count - (left !== null && Math.abs(left - time) <= DAY ? 1 : 0);
}

/** How many of the story's articles hold `term`, leaving out `left` (the excluded article's terms). */
function countOf(counts: ReadonlyMap<number, number>, term: number, left: readonly number[] | null): number {
  return (counts.get(term) ?? 0) - (left !== null && left.includes(term) ? 1 : 0);
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

/** The features without `lead`, which needs the other candidates (see `withLeads`). */
export function matchFeatures(
  item: WeightedItem,
  story: IndexedStory,
  exclusion: ResolvedExclusion | null,
): number[] {
  const left = exclusion?.storyId === story.id ? exclusion.article : undefined;
  const leftText = left?.text ?? null;
  const leftTitle = left?.title ?? null;
  const size = story.size - (left === undefined ? 0 : 1);
  const mass = story.mass - (left?.mass ?? 0);
  const { weights } = item;

  // Plain loops without closures: this runs for every candidate of every lookup and ingested article.
  let normSquared = story.normSquared;
  if (left !== undefined) {
    for (const term of left.text) {
      const weight = weights.get(term) ?? 0;
      normSquared -= weight * weight * (2 * (story.textCounts.get(term) ?? 1) - 1);
    }
  }
  const { textIds: text, textWeights } = item;
  // Each term's count is looked up once per candidate; the title and entity sums reuse them.
  const counts: number[] = new Array<number>(text.length);
  let textDot = 0;
  let centroidDot = 0;
  let presence = 0;
  let rarestShared = 0;
  for (let i = 0; i < text.length; i += 1) {
    const weight = textWeights[i] ?? 0;
    const count = countOf(story.textCounts, text[i] ?? UNKNOWN_TERM, leftText);
    counts[i] = count;
    textDot += (weight * count) / size;
    centroidDot += weight * weight * count;
    if (count > 0) {
      presence += weight;
      if (weight > rarestShared) rarestShared = weight;
    }
  }
  let titleDot = 0;
  let titleInText = 0;
  for (const i of item.titleAt) {
    const weight = textWeights[i] ?? 0;
    titleDot += (weight * countOf(story.titleCounts, text[i] ?? UNKNOWN_TERM, leftTitle)) / size;
    titleInText += (weight * (counts[i] ?? 0)) / size;
  }
  let entityDot = 0;
  let entityPresence = 0;
  for (const i of item.entityAt) {
    const weight = textWeights[i] ?? 0;
    const count = counts[i] ?? 0;
    entityDot += (weight * count) / size;
    if (count > 0) entityPresence += weight;
  }

  const dated = item.publishedAt !== null && story.times.length > (left?.publishedAt != null ? 1 : 0);
  const gap =
    dated && item.publishedAt !== null
      ? nearestGapHours(story.times, item.publishedAt, left?.publishedAt ?? null)
      : 0;
  const near =
    item.publishedAt === null ? 0 : articlesNear(story.times, item.publishedAt, left?.publishedAt ?? null);
  const textCover = ratio(textDot, item.textWeight);
  const presenceShare = ratio(presence, item.textWeight);
  return [
    textCover,
    ratio(titleDot, item.titleWeight),
    ratio(titleInText, item.titleWeight),
    ratio(textDot, mass / size),
    presenceShare,
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
    Math.min(1, ratio(centroidDot, item.textNorm * Math.sqrt(Math.max(normSquared, 0)))),
    presenceShare * presenceShare,
    nearestArticleCover(item, story, leftText),
    Math.log1p(Math.max(near, 0)) / Math.log1p(BUSY_STORY),
    Math.log1p(spanHours(story.times, left?.publishedAt ?? null)) / Math.log1p(LONG_STORY_HOURS),
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
