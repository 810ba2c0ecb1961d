/**
 * What the popup derives from a story's articles beyond the API's summary: each article's side,
 * the seven-step counts, who reported first, the article lists per tab. Pure.
 */
import { foldToSide, LEANS, type Lean, type Side } from '../../core/bias-scale.js';
import type { StoryArticle } from '../../core/contract.js';

export type SideOrUnrated = Side | 'unrated';
export type Tab = 'all' | Side;
export type SortOrder = 'time' | 'side';

export function sideOfArticle(article: StoryArticle): SideOrUnrated {
  const lean = article.outlet?.lean ?? null;
  return lean === null ? 'unrated' : foldToSide(lean);
}

/** Distinct outlets per step of the scale, as the distribution counts them (one vote per outlet). */
export function sevenStepCounts(articles: readonly StoryArticle[]): Record<Lean | 'unrated', number> {
  const counts = Object.fromEntries([...LEANS, 'unrated'].map((k) => [k, 0])) as Record<
    Lean | 'unrated',
    number
  >;
  const seen = new Set<string>();
  articles.forEach((article, index) => {
    const key = article.outlet?.id ?? `article:${index}`;
    if (seen.has(key)) return;
    seen.add(key);
    counts[article.outlet?.lean ?? 'unrated'] += 1;
  });
  return counts;
}

/** The earliest article, whose outlet "first reported" the story; each date parsed once. */
export function firstArticle(articles: readonly StoryArticle[]): StoryArticle | undefined {
  let first: StoryArticle | undefined;
  let firstTime = NaN;
  for (const article of articles) {
    const time = Date.parse(article.publishedAt);
    if (first === undefined || time < firstTime) {
      first = article;
      firstTime = time;
    }
  }
  return first;
}

export function articlesOnTab(articles: readonly StoryArticle[], tab: Tab): StoryArticle[] {
  return tab === 'all' ? [...articles] : articles.filter((a) => sideOfArticle(a) === tab);
}

const SIDE_ORDER: Record<SideOrUnrated, number> = { left: 0, center: 1, right: 2, unrated: 3 };
const LEAN_ORDER = new Map<Lean | null, number>([
  ...LEANS.map((l, i) => [l, i] as const),
  [null, LEANS.length],
]);

/** Newest first; or left to right along the scale, newest first within a step. Each date parsed once. */
export function sortArticles(articles: readonly StoryArticle[], order: SortOrder): StoryArticle[] {
  const times = new Map(articles.map((a) => [a, Date.parse(a.publishedAt)]));
  const newest = (a: StoryArticle, b: StoryArticle) => (times.get(b) ?? NaN) - (times.get(a) ?? NaN);
  if (order === 'time') return [...articles].sort(newest);
  const step = (a: StoryArticle) => LEAN_ORDER.get(a.outlet?.lean ?? null) ?? LEANS.length;
  return [...articles].sort(
    (a, b) =>
      SIDE_ORDER[sideOfArticle(a)] - SIDE_ORDER[sideOfArticle(b)] || step(a) - step(b) || newest(a, b),
  );
}

export function countsPerTab(articles: readonly StoryArticle[]): Record<Tab, number> {
  const counts: Record<Tab, number> = { all: articles.length, left: 0, center: 0, right: 0 };
  for (const a of articles) {
    const side = sideOfArticle(a);
    if (side !== 'unrated') counts[side] += 1;
  }
  return counts;
}
