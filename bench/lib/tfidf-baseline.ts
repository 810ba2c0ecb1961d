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

export function tfidfNearestHeadline(
  entries: readonly GoldEntry[],
  queries: readonly number[],
  options: { timed: boolean; absent: boolean },
): BaselineResult[] {
  const df = new Map<string, number>();
  for (const { terms } of entries) for (const term of terms.text) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = (term: string) => Math.log(entries.length / (df.get(term) ?? 1));
  const norms = entries.map(({ terms }) => Math.sqrt(terms.text.reduce((s, t) => s + idf(t) ** 2, 0)));
  const postings = new Map<string, number[]>();
  entries.forEach(({ terms }, i) => {
    for (const term of terms.text) {
      let list = postings.get(term);
      if (list === undefined) postings.set(term, (list = []));
      list.push(i);
    }
  });
  return queries.map((q) => {
    const query = entries[q];
    if (query === undefined) throw new Error('no such query');
    const gold = query.article.story;
    const window = options.timed ? windowAround(query.article.publishedAt) : null;
    const dots = new Map<number, number>();
    for (const term of query.terms.text) {
      const weight = idf(term) ** 2;
      for (const i of postings.get(term) ?? []) {
        if (i === q) continue;
        const other = entries[i]?.article;
        if (other === undefined || (options.absent && other.story === gold)) continue;
        const time = other.publishedAt;
        if (window !== null && (time === null || time < window.from || time > window.to)) continue;
        dots.set(i, (dots.get(i) ?? 0) + weight);
      }
    }
    let best: string | null = null;
    let score = 0;
    const norm = norms[q] ?? 1;
    for (const [i, dot] of dots) {
      const cosine = dot / (norm * (norms[i] ?? 1) || 1);
      if (cosine > score) [score, best] = [cosine, entries[i]?.article.story ?? null];
    }
    return { gold, best, score };
  });
}
