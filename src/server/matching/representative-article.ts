import { tokenize } from '../../core/headline-text.js';
import { cosineSimilarity } from './tfidf.js';

/**
 * The index of the headline closest to the centroid of all the story's headlines: the one that says
 * what most of them say, so the story's title is the least slanted wording available. Earliest wins ties.
 */
export function representativeIndex(titles: readonly string[]): number {
  const vectors = titles.map((title) => new Map([...new Set(tokenize(title))].map((term) => [term, 1])));
  const centroid = new Map<string, number>();
  for (const vector of vectors) {
    for (const term of vector.keys()) centroid.set(term, (centroid.get(term) ?? 0) + 1 / vectors.length);
  }
  let best = 0;
  let bestScore = -1;
  vectors.forEach((vector, index) => {
    const score = cosineSimilarity(vector, centroid);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}
