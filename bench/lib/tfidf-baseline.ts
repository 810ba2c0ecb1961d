/**
 * The baseline of matching.md, measured in the same run: TF-IDF over `tokenize` terms (title, plus
 * description when given), IDF over the pool, cosine, the nearest single headline wins; leave one out.
 */
import type { GoldEntry } from './leave-one-out.js';
import { windowAround } from '../../src/server/matching/time-window.js';

export interface BaselineResult {
  gold: string;
  best: string | null;
  score: number;
}

/** The first position in `positions` (ascending by time) whose entry is published at or after `time`. */
function firstAtOrAfter(positions: readonly number[], times: Float64Array, time: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[positions[mid] ?? 0] ?? 0) < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function tfidfNearestHeadline(
  entries: readonly GoldEntry[],
  queries: readonly number[],
  options: { timed: boolean; absent: boolean },
): BaselineResult[] {
  const df = new Map<string, number>();
  for (const { terms } of entries) for (const term of terms.text) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = (term: string) => Math.log(entries.length / (df.get(term) ?? 1));
  const norms = entries.map(({ terms }) => Math.sqrt(terms.text.reduce((s, t) => s + idf(t) ** 2, 0)));
  // Undated entries sort last (time +Infinity) and so fall outside every window.
  const times = Float64Array.from(entries, ({ article }) => article.publishedAt ?? Infinity);
  const byTime = entries.map((_, i) => i);
  if (options.timed) byTime.sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || a - b);
  const postings = new Map<string, number[]>();
  for (const i of byTime) {
    for (const term of entries[i]?.terms.text ?? []) {
      let list = postings.get(term);
      if (list === undefined) postings.set(term, (list = []));
      list.push(i);
    }
  }
  const dots = new Float64Array(entries.length);
  return queries.map((q) => {
    const query = entries[q];
    if (query === undefined) throw new Error('no such query');
    const gold = query.article.story;
    const window = options.timed ? windowAround(query.article.publishedAt) : null;
    const touched: number[] = [];
    for (const term of query.terms.text) {
      const weight = idf(term) ** 2;
      if (weight === 0) continue;
      const list = postings.get(term) ?? [];
      // Postings are in time order when timed: only the window's stretch of each is read.
      const start = window === null ? 0 : firstAtOrAfter(list, times, window.from);
      for (let k = start; k < list.length; k += 1) {
        const i = list[k] as number;
        if (window !== null && (times[i] ?? Infinity) > window.to) break;
        if (i === q || (options.absent && entries[i]?.article.story === gold)) continue;
        if (dots[i] === 0) touched.push(i);
        dots[i] = (dots[i] ?? 0) + weight;
      }
    }
    let best: string | null = null;
    let score = 0;
    const norm = norms[q] ?? 1;
    for (const i of touched) {
      const cosine = (dots[i] ?? 0) / (norm * (norms[i] ?? 1) || 1);
      if (cosine > score) [score, best] = [cosine, entries[i]?.article.story ?? null];
      dots[i] = 0;
    }
    return { gold, best, score };
  });
}
