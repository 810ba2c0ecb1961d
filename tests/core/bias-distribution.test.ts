import { describe, expect, it } from 'vitest';
import { blindspotOf, distributionOf, sharesOf } from '../../src/core/bias-distribution.js';
import { foldToSide } from '../../src/core/bias-scale.js';

describe('distributionOf', () => {
  it('counts each outlet once per side, unrated apart', () => {
    const d = distributionOf([
      { id: 'a', lean: 'far-left' },
      { id: 'a', lean: 'far-left' },
      { id: 'b', lean: 'lean-left' },
      { id: 'c', lean: 'center' },
      { id: 'd', lean: 'lean-right' },
      { id: 'e', lean: null },
    ]);
    expect(d).toEqual({ left: 2, center: 1, right: 1, unrated: 1 });
  });

  it('folds the seven steps onto three sides', () => {
    expect(['far-left', 'left', 'lean-left'].map((l) => foldToSide(l as never))).toEqual([
      'left',
      'left',
      'left',
    ]);
    expect(foldToSide('center')).toBe('center');
    expect(['lean-right', 'right', 'far-right'].map((l) => foldToSide(l as never))).toEqual([
      'right',
      'right',
      'right',
    ]);
  });
});

describe('blindspotOf', () => {
  it('flags the side under 20% of the rated sources', () => {
    expect(blindspotOf({ left: 23, center: 3, right: 2, unrated: 3 })).toBe('right');
    expect(blindspotOf({ left: 0, center: 1, right: 7, unrated: 0 })).toBe('left');
  });

  it('flags nothing when balanced, when both sides are thin, or with too few rated sources', () => {
    expect(blindspotOf({ left: 3, center: 2, right: 3, unrated: 0 })).toBeNull();
    expect(blindspotOf({ left: 0, center: 10, right: 0, unrated: 0 })).toBeNull();
    expect(blindspotOf({ left: 2, center: 0, right: 0, unrated: 9 })).toBeNull();
  });

  it('ignores unrated sources', () => {
    expect(blindspotOf({ left: 4, center: 1, right: 0, unrated: 40 })).toBe('right');
  });
});

describe('sharesOf', () => {
  it('gives whole percentages that add up to 100', () => {
    const shares = sharesOf({ left: 1, center: 1, right: 1, unrated: 0 });
    expect(shares.left + shares.center + shares.right + shares.unrated).toBe(100);
    expect(sharesOf({ left: 0, center: 0, right: 0, unrated: 0 })).toEqual({
      left: 0,
      center: 0,
      right: 0,
      unrated: 0,
    });
  });
});
