/** B-cubed and pairwise precision, recall and F1 of a clustering against gold labels. */
export interface ClusteringScores {
  bcubed: { precision: number; recall: number; f1: number };
  pairwise: { precision: number; recall: number; f1: number };
  clusters: number;
  goldClusters: number;
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const pairs = (n: number) => (n * (n - 1)) / 2;

export function scoreClustering(predicted: readonly string[], gold: readonly string[]): ClusteringScores {
  const joint = new Map<string, number>();
  const predictedSize = new Map<string, number>();
  const goldSize = new Map<string, number>();
  predicted.forEach((p, i) => {
    const g = gold[i] ?? '';
    const key = `${p}\u0000${g}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
    predictedSize.set(p, (predictedSize.get(p) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
  });
  let bPrecision = 0;
  let bRecall = 0;
  let samePairs = 0;
  for (const [key, n] of joint) {
    const [p, g] = key.split('\u0000') as [string, string];
    bPrecision += (n * n) / (predictedSize.get(p) ?? 1);
    bRecall += (n * n) / (goldSize.get(g) ?? 1);
    samePairs += pairs(n);
  }
  const total = predicted.length;
  const predictedPairs = [...predictedSize.values()].reduce((sum, n) => sum + pairs(n), 0);
  const goldPairs = [...goldSize.values()].reduce((sum, n) => sum + pairs(n), 0);
  const bp = bPrecision / total;
  const br = bRecall / total;
  const pp = predictedPairs === 0 ? 1 : samePairs / predictedPairs;
  const pr = goldPairs === 0 ? 1 : samePairs / goldPairs;
  return {
    bcubed: { precision: bp, recall: br, f1: f1(bp, br) },
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr) },
    clusters: predictedSize.size,
    goldClusters: goldSize.size,
  };
}
