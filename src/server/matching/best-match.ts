import type { TimeWindow } from '../store/store.js';
import { matchFeatures, withLeads, type WeightedItem } from './match-features.js';
import {
  joinProbability,
  matchProbability,
  RERANKED,
  rerankProbability,
  type MatchModel,
} from './match-model.js';
import type { Exclusion, IndexedStory, StoryIndex } from './story-index.js';

/** Which of the model's decisions scores the candidates: answering a lookup or joining a story. */
export interface Decision {
  probability: (model: MatchModel, features: readonly number[]) => number;
  /** Whether the best candidates are weighed again by the undated rerank (lookups only). */
  reranks: boolean;
}

export const LOOKUP_DECISION: Decision = { probability: matchProbability, reranks: true };
export const JOIN_DECISION: Decision = { probability: joinProbability, reranks: false };

/** How many candidate stories are scored in full. */
export const CANDIDATE_LIMIT = 20;

export interface ScoredCandidate {
  story: IndexedStory;
  features: number[];
  probability: number;
}

/** Every candidate story of an item with its features and probability of being the item's story, best first. */
export function scoreCandidates(
  index: StoryIndex,
  model: MatchModel,
  item: WeightedItem,
  window: TimeWindow | null,
  exclusion: Exclusion | null = null,
  decision: Decision = LOOKUP_DECISION,
): ScoredCandidate[] {
  const resolved = index.resolve(exclusion);
  const stories = index.candidates(item, window, resolved, CANDIDATE_LIMIT);
  const rows = withLeads(stories.map((story) => matchFeatures(item, story, resolved)));
  const scored = stories
    .map((story, i) => {
      const features = rows[i] ?? [];
      return { story, features, probability: decision.probability(model, features) };
    })
    .sort((a, b) => b.probability - a.probability);
  return decision.reranks ? reranked(model, scored) : scored;
}

/** A lookup's best candidates weighed again by the undated rerank, the rest left in place behind them. */
function reranked(model: MatchModel, scored: ScoredCandidate[]): ScoredCandidate[] {
  const top = scored.slice(0, RERANKED).map((candidate) => {
    const probability = rerankProbability(model, candidate.features);
    return probability === null ? candidate : { ...candidate, probability };
  });
  return [...top.sort((a, b) => b.probability - a.probability), ...scored.slice(RERANKED)];
}

/** The item's most probable story whatever the probability; null when no story shares a term. */
export function bestMatch(
  index: StoryIndex,
  model: MatchModel,
  item: WeightedItem,
  window: TimeWindow | null,
  exclusion: Exclusion | null = null,
  decision: Decision = LOOKUP_DECISION,
): ScoredCandidate | null {
  return scoreCandidates(index, model, item, window, exclusion, decision)[0] ?? null;
}
