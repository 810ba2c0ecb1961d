/**
 * The learned part of matching: three logistic regressions over `FEATURE_NAMES`, each with its
 * calibrated threshold, shipped in data/models/matcher.json and rebuilt from the development data by
 * `npm run train` (scripts/train-matcher.ts). Lookups with a time and lookups without are different
 * problems (with a time the window and the time features do much of the work; without, the text does
 * all of it), so each has its own model; the third decides whether an ingested article joins a story
 * as it stands mid-stream, and with the calibrated merge rule whether the article shows two stories are one.
 * Without a time, boosted trees then decide between the regression's two best candidates: text alone
 * needs features weighed together, and two candidates a lookup cost little.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { boostedProbability, BoostedTrees, treesFit } from './boosted-trees.js';
import { FEATURE_NAMES } from './match-features.js';

const Logistic = z.object({
  weights: z.array(z.number()),
  bias: z.number(),
  /** The decision says yes at or above this probability. */
  threshold: z.number(),
});
export type Logistic = z.infer<typeof Logistic>;

const ModelFile = z.object({
  features: z.array(z.string()),
  /** Lookups where the item and the story both carry times (the `dated` feature). */
  dated: Logistic,
  /**
   * Lookups without a time: the text alone. The regression ranks the candidates, `rerank` weighs its
   * best RERANKED again, and the threshold applies to the rerank's probability.
   */
  undated: z.object({ ...Logistic.shape, rerank: BoostedTrees }),
  /** Whether an ingested article joins its most probable story, else starts one. */
  join: Logistic,
  /**
   * When an article that joins a story would as well have joined another (join probability at or
   * above `threshold`) whose centroid is this alike (cosine at or above `cosine`), the two are one
   * story split early: they merge.
   */
  merge: z.object({ threshold: z.number(), cosine: z.number() }),
});
export type MatchModel = z.infer<typeof ModelFile>;

export function parseMatchModel(json: unknown): MatchModel {
  const model = ModelFile.parse(json);
  if (
    model.features.join() !== FEATURE_NAMES.join() ||
    [model.dated, model.undated, model.join].some((part) => part.weights.length !== FEATURE_NAMES.length) ||
    !treesFit(model.undated.rerank, FEATURE_NAMES.length)
  )
    throw new Error('match model: its features are not the ones this program computes; run npm run train');
  return model;
}

export function loadMatchModel(file: string): MatchModel {
  return parseMatchModel(JSON.parse(readFileSync(file, 'utf8')));
}

export function logisticProbability({ weights, bias }: Logistic, features: readonly number[]): number {
  let z = bias;
  for (let i = 0; i < features.length; i += 1) z += (weights[i] ?? 0) * (features[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

const DATED = FEATURE_NAMES.indexOf('dated');

/** The lookup model that weighs a candidate: the dated one when item and story both carry times. */
function lookupModel(model: MatchModel, features: readonly number[]): Logistic {
  return features[DATED] === 1 ? model.dated : model.undated;
}

/** The probability that a candidate is a lookup item's story. */
export function matchProbability(model: MatchModel, features: readonly number[]): number {
  return logisticProbability(lookupModel(model, features), features);
}

/** How many of the undated regression's best candidates the trees weigh again. */
export const RERANKED = 2;

/**
 * The undated rerank's probability for a candidate among the regression's best RERANKED, or null
 * when the candidate is weighed by the dated model (whose probability stands).
 */
export function rerankProbability(model: MatchModel, features: readonly number[]): number | null {
  return features[DATED] === 1 ? null : boostedProbability(model.undated.rerank, features);
}

/** The probability at or above which a lookup answers with this candidate. */
export function matchThreshold(model: MatchModel, features: readonly number[]): number {
  return lookupModel(model, features).threshold;
}

/** The probability that an ingested article belongs to a candidate story as it stands mid-stream. */
export function joinProbability(model: MatchModel, features: readonly number[]): number {
  return logisticProbability(model.join, features);
}
