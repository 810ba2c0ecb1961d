/**
 * The learned part of matching: two logistic regressions over `FEATURE_NAMES` with their calibrated
 * thresholds (one answers lookups against whole stories, one decides whether an ingested article
 * joins a story as it stands mid-stream), shipped in data/models/matcher.json and rebuilt from the
 * development data by `npm run train` (scripts/train-matcher.ts).
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { FEATURE_NAMES } from './match-features.js';

const ModelFile = z.object({
  features: z.array(z.string()),
  weights: z.array(z.number()),
  bias: z.number(),
  /** A lookup answers only at or above this probability. */
  matchThreshold: z.number(),
  /** The join decision's weights, fitted on stories as they look while a stream is replayed. */
  clusterWeights: z.array(z.number()),
  clusterBias: z.number(),
  /** An ingested article joins a story at or above this probability, else starts one. */
  clusterThreshold: z.number(),
});
export type MatchModel = z.infer<typeof ModelFile>;

export function parseMatchModel(json: unknown): MatchModel {
  const model = ModelFile.parse(json);
  if (
    model.features.join() !== FEATURE_NAMES.join() ||
    model.weights.length !== FEATURE_NAMES.length ||
    model.clusterWeights.length !== FEATURE_NAMES.length
  )
    throw new Error('match model: its features are not the ones this program computes; run npm run train');
  return model;
}

export function loadMatchModel(file: string): MatchModel {
  return parseMatchModel(JSON.parse(readFileSync(file, 'utf8')));
}

function logistic(weights: readonly number[], bias: number, features: readonly number[]): number {
  let z = bias;
  for (let i = 0; i < features.length; i += 1) z += (weights[i] ?? 0) * (features[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/** The probability that a candidate is a lookup item's story. */
export function matchProbability(model: MatchModel, features: readonly number[]): number {
  return logistic(model.weights, model.bias, features);
}

/** The probability that an ingested article belongs to a candidate story as it stands mid-stream. */
export function joinProbability(model: MatchModel, features: readonly number[]): number {
  return logistic(model.clusterWeights, model.clusterBias, features);
}
