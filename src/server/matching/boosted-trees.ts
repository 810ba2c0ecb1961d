/**
 * A small ensemble of gradient-boosted regression trees over the match features, shipped as data in
 * data/models/matcher.json (fitted by scripts/fit-boosted-trees.ts). It weighs features together
 * where one logistic regression can only add them: what a lead over the next candidate is worth
 * depends on how much of the item the candidate covers.
 */
import * as z from 'zod/mini';

/**
 * Each tree is a flat list of nodes, four numbers a node, the root first: `feature, threshold, left,
 * right` (node indices), the left branch taken at or below the threshold; a leaf is `-1, value, 0, 0`.
 */
export const BoostedTrees = z.object({
  trees: z.array(z.array(z.number())),
  /** The log-odds every tree adds to. */
  bias: z.number(),
});
export type BoostedTrees = z.infer<typeof BoostedTrees>;

export const NODE_SIZE = 4;
export const LEAF = -1;

/** Whether every node of every tree reads a feature of `count` and points at a node of its own tree. */
export function treesFit({ trees }: BoostedTrees, count: number): boolean {
  return trees.every((tree) => {
    const nodes = tree.length / NODE_SIZE;
    if (!Number.isInteger(nodes) || nodes === 0) return false;
    for (let at = 0; at < tree.length; at += NODE_SIZE) {
      const feature = tree[at] ?? 0;
      if (feature === LEAF) continue;
      const children = [tree[at + 2] ?? -1, tree[at + 3] ?? -1];
      if (!Number.isInteger(feature) || feature < 0 || feature >= count) return false;
      if (children.some((child) => !Number.isInteger(child) || child <= at / NODE_SIZE || child >= nodes))
        return false;
    }
    return true;
  });
}

/** The trees' nodes in one typed array with where each tree starts: read once per lookup candidate. */
interface Compiled {
  nodes: Float64Array;
  roots: Int32Array;
}

const compiledTrees = new WeakMap<BoostedTrees, Compiled>();

function compiled(trees: BoostedTrees): Compiled {
  let out = compiledTrees.get(trees);
  if (out === undefined) {
    const roots = new Int32Array(trees.trees.length);
    let offset = 0;
    trees.trees.forEach((tree, i) => {
      roots[i] = offset;
      offset += tree.length;
    });
    out = { nodes: Float64Array.from(trees.trees.flat()), roots };
    compiledTrees.set(trees, out);
  }
  return out;
}

export function boostedProbability(trees: BoostedTrees, features: readonly number[]): number {
  const { nodes, roots } = compiled(trees);
  let z = trees.bias;
  for (const root of roots) {
    let at = root;
    while (nodes[at] !== LEAF) {
      const feature = nodes[at] ?? 0;
      const child = (features[feature] ?? 0) <= (nodes[at + 1] ?? 0) ? nodes[at + 2] : nodes[at + 3];
      at = root + NODE_SIZE * (child ?? 0);
    }
    z += nodes[at + 1] ?? 0;
  }
  return 1 / (1 + Math.exp(-z));
}
