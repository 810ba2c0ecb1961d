import type { StoryVector } from '../store/store.js';
import { cosineSimilarity } from './tfidf.js';

export interface ScoredStory {
  id: string;
  score: number;
}

/**
 * The story most similar to an item, by cosine between the item's distinct terms and each story's
 * centroid: a term weighs its IDF times the share of the story's articles that contain it, so the
 * item is compared with the whole story rather than its nearest headline. Ties go to the first story.
 */
export function bestStory(
  itemTerms: ReadonlySet<string>,
  stories: readonly StoryVector[],
  idf: (term: string) => number,
): ScoredStory | null {
  const item = new Map([...itemTerms].map((term) => [term, idf(term)]));
  let best: ScoredStory | null = null;
  for (const story of stories) {
    const centroid = new Map<string, number>();
    for (const [term, count] of story.termCounts)
      centroid.set(term, (count / story.articleCount) * idf(term));
    const score = cosineSimilarity(item, centroid);
    if (best === null || score > best.score) best = { id: story.id, score };
  }
  return best;
}
