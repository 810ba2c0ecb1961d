import { describe, expect, it } from 'vitest';
import { boostedProbability, treesFit } from '../../src/server/matching/boosted-trees.js';
import { fitBoostedTrees } from '../../scripts/fit-boosted-trees.js';

const OPTIONS = { rounds: 40, depth: 2, rate: 0.3, bins: 16, minLeaf: 2, lambda: 1 };

describe('boosted trees', () => {
  it('follows each node to the left at or below its threshold and adds the leaves to the bias', () => {
    // Root splits feature 1 at 0.5; its left child is a leaf of +2, its right one splits feature 0 at 0.
    const tree = [1, 0.5, 1, 2, -1, 2, 0, 0, 0, 0, 3, 4, -1, -1, 0, 0, -1, 1, 0, 0];
    const trees = { trees: [tree], bias: -1 };
    const logit = (features: number[]) => Math.log(1 / boostedProbability(trees, features) - 1) * -1;
    expect(logit([9, 0.5])).toBeCloseTo(1);
    expect(logit([0, 0.6])).toBeCloseTo(-2);
    expect(logit([0.1, 0.6])).toBeCloseTo(0);
    expect(treesFit(trees, 2)).toBe(true);
    expect(treesFit(trees, 1)).toBe(false);
    expect(treesFit({ trees: [[0, 0.5, 0, 0]], bias: 0 }, 2)).toBe(false);
  });

  it('learns an interaction that no sum of single features holds, the same way on every run', () => {
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let a = 0; a < 10; a += 1) {
      for (let b = 0; b < 10; b += 1) {
        rows.push([a / 10, b / 10, ((a * 7 + b * 3) % 10) / 10]);
        labels.push(a >= 3 === b >= 6 ? 1 : 0);
      }
    }
    const trees = fitBoostedTrees(rows, labels, OPTIONS);
    expect(treesFit(trees, 3)).toBe(true);
    rows.forEach((row, i) => expect(boostedProbability(trees, row) > 0.5).toBe(labels[i] === 1));
    expect(fitBoostedTrees(rows, labels, OPTIONS)).toEqual(trees);
  });
});
