import type { Store, TimeWindow } from '../store/store.js';
import { bestStory, type ScoredStory } from './score-stories.js';
import { inverseDocumentFrequency } from './tfidf.js';
import { CANDIDATE_LIMIT, PROBE_TERMS, TIME_WINDOW_MS } from './thresholds.js';

/** The window of stories an item published at `publishedAt` may belong to; none when the time is unknown. */
export function windowAround(publishedAt: number | null): TimeWindow | null {
  return publishedAt === null
    ? null
    : { from: publishedAt - TIME_WINDOW_MS, to: publishedAt + TIME_WINDOW_MS };
}

/**
 * The stored story most similar to an item's terms, with its score, whatever the score; null when no
 * story shares a term. IDF comes from the whole stored pool of articles.
 */
export async function findBestStory(
  store: Store,
  terms: ReadonlySet<string>,
  window: TimeWindow | null,
): Promise<ScoredStory | null> {
  const documents = await store.articleCount();
  if (documents === 0 || terms.size === 0) return null;
  const itemFrequencies = await store.documentFrequencies([...terms]);
  const probe = [...itemFrequencies.entries()]
    .sort(([termA, a], [termB, b]) => a - b || (termA < termB ? -1 : 1))
    .slice(0, PROBE_TERMS)
    .map(([term]) => term);
  if (probe.length === 0) return null;
  const candidates = await store.candidateStories(probe, window, CANDIDATE_LIMIT);
  const vectors = await store.storyVectors(candidates);
  const storyTerms = new Set(vectors.flatMap((vector) => [...vector.termCounts.keys()]));
  const frequencies = await store.documentFrequencies([...storyTerms]);
  for (const [term, df] of itemFrequencies) frequencies.set(term, df);
  return bestStory(terms, vectors, (term) => inverseDocumentFrequency(frequencies.get(term) ?? 0, documents));
}
