/**
 * Fits gradient-boosted regression trees (logistic loss, Newton leaf values, splits searched among
 * each feature's quantiles) for src/server/matching/boosted-trees.ts. Deterministic: no sampling.
 */
import { LEAF, NODE_SIZE, type BoostedTrees } from '../src/server/matching/boosted-trees.js';
import { lowerBound } from '../src/server/matching/lower-bound.js';

export interface BoostingOptions {
  rounds: number;
  depth: number;
  /** Shrinks each tree's leaves: many small steps generalise better than a few large ones. */
  rate: number;
  /** Candidate split points per feature, at most 256. */
  bins: number;
  /** No leaf holds fewer rows. */
  minLeaf: number;
  /** L2 penalty on leaf values. */
  lambda: number;
}

/** For each feature, its distinct quantiles (ascending): the thresholds a split may use. */
function quantileCuts(rows: readonly number[][], bins: number): number[][] {
  const width = rows[0]?.length ?? 0;
  return Array.from({ length: width }, (_, j) => {
    const values = rows.map((row) => row[j] ?? 0).sort((a, b) => a - b);
    const cuts = new Set<number>();
    for (let b = 1; b < bins; b += 1) cuts.add(values[Math.floor((b * values.length) / bins)] ?? 0);
    return [...cuts].sort((a, b) => a - b);
  });
}

interface Split {
  gain: number;
  feature: number;
  bin: number;
}

export function fitBoostedTrees(
  rows: readonly number[][],
  labels: readonly number[],
  options: BoostingOptions,
): BoostedTrees {
  const { rounds, depth, rate, bins, minLeaf, lambda } = options;
  const n = rows.length;
  const cuts = quantileCuts(rows, bins);
  // Column-major: a split search reads one feature of many rows.
  const binned = cuts.map((featureCuts, j) =>
    Uint8Array.from(rows, (row) => lowerBound(featureCuts, row[j] ?? 0)),
  );
  const positives = labels.reduce((sum, label) => sum + label, 0);
  const bias = Math.log(Math.max(positives, 1) / Math.max(n - positives, 1));
  const z = new Float64Array(n).fill(bias);
  const gradient = new Float64Array(n);
  const curvature = new Float64Array(n);
  const score = (g: number, h: number) => (g * g) / (h + lambda);

  /** The best split of `rows` (indices), or null when none gains or keeps minLeaf rows a side. */
  const bestSplit = (members: readonly number[], g: number, h: number): Split | null => {
    let best: Split | null = null;
    cuts.forEach((featureCuts, feature) => {
      const count = featureCuts.length + 1;
      const column = binned[feature] ?? new Uint8Array(n);
      const gs = new Float64Array(count);
      const hs = new Float64Array(count);
      const ns = new Int32Array(count);
      for (const i of members) {
        const b = column[i] ?? 0;
        gs[b] = (gs[b] ?? 0) + (gradient[i] ?? 0);
        hs[b] = (hs[b] ?? 0) + (curvature[i] ?? 0);
        ns[b] = (ns[b] ?? 0) + 1;
      }
      let gl = 0;
      let hl = 0;
      let nl = 0;
      for (let b = 0; b < count - 1; b += 1) {
        gl += gs[b] ?? 0;
        hl += hs[b] ?? 0;
        nl += ns[b] ?? 0;
        if (nl < minLeaf || members.length - nl < minLeaf) continue;
        const gain = score(gl, hl) + score(g - gl, h - hl) - score(g, h);
        if (gain > (best?.gain ?? 1e-9)) best = { gain, feature, bin: b };
      }
    });
    return best;
  };

  const trees: number[][] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (let i = 0; i < n; i += 1) {
      const p = 1 / (1 + Math.exp(-(z[i] ?? 0)));
      gradient[i] = p - (labels[i] ?? 0);
      curvature[i] = Math.max(p * (1 - p), 1e-6);
    }
    const nodes: number[] = [];
    const grow = (members: readonly number[], level: number): number => {
      const at = nodes.length / NODE_SIZE;
      nodes.push(LEAF, 0, 0, 0);
      let g = 0;
      let h = 0;
      for (const i of members) {
        g += gradient[i] ?? 0;
        h += curvature[i] ?? 0;
      }
      const split = level < depth && members.length >= 2 * minLeaf ? bestSplit(members, g, h) : null;
      if (split === null) {
        const value = (-g / (h + lambda)) * rate;
        nodes[at * NODE_SIZE + 1] = value;
        for (const i of members) z[i] = (z[i] ?? 0) + value;
        return at;
      }
      const left: number[] = [];
      const right: number[] = [];
      const column = binned[split.feature] ?? new Uint8Array(n);
      for (const i of members) ((column[i] ?? 0) <= split.bin ? left : right).push(i);
      const threshold = cuts[split.feature]?.[split.bin] ?? 0;
      const l = grow(left, level + 1);
      const r = grow(right, level + 1);
      nodes.splice(at * NODE_SIZE, NODE_SIZE, split.feature, threshold, l, r);
      return at;
    };
    grow(
      Array.from({ length: n }, (_, i) => i),
      0,
    );
    trees.push(nodes);
  }
  return { trees, bias };
}
