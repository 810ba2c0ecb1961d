import { foldToSide, type Lean, type Side } from './bias-scale.js';

export interface Distribution {
  left: number;
  center: number;
  right: number;
  unrated: number;
}

/** A side is a blindspot when it has under this share of the rated sources. */
export const BLINDSPOT_SHARE = 0.2;
/** Below this many rated sources a split says too little to flag anything. */
export const BLINDSPOT_MIN_RATED = 3;

/**
 * Counts distinct outlets per side. Each outlet counts once however many articles it wrote,
 * so a prolific outlet cannot tilt the split.
 */
export function distributionOf(outlets: Iterable<{ id: string; lean: Lean | null }>): Distribution {
  const seen = new Set<string>();
  const counts: Distribution = { left: 0, center: 0, right: 0, unrated: 0 };
  for (const outlet of outlets) {
    if (seen.has(outlet.id)) continue;
    seen.add(outlet.id);
    if (outlet.lean === null) counts.unrated += 1;
    else counts[foldToSide(outlet.lean)] += 1;
  }
  return counts;
}

/** The side (left or right) that barely covers the story, if any. Center is never a blindspot. */
export function blindspotOf(d: Distribution): 'left' | 'right' | null {
  const rated = d.left + d.center + d.right;
  if (rated < BLINDSPOT_MIN_RATED) return null;
  const leftShare = d.left / rated;
  const rightShare = d.right / rated;
  if (leftShare < BLINDSPOT_SHARE && rightShare >= BLINDSPOT_SHARE) return 'left';
  if (rightShare < BLINDSPOT_SHARE && leftShare >= BLINDSPOT_SHARE) return 'right';
  return null;
}

/** Whole-number percentages per side that add up to 100 (largest remainder), for display. */
export function sharesOf(d: Distribution): Record<Side | 'unrated', number> {
  const keys = ['left', 'center', 'right', 'unrated'] as const;
  const total = keys.reduce((sum, k) => sum + d[k], 0);
  const result = { left: 0, center: 0, right: 0, unrated: 0 };
  if (total === 0) return result;
  const exact = keys.map((k) => ({ k, v: (d[k] * 100) / total }));
  for (const { k, v } of exact) result[k] = Math.floor(v);
  let missing = 100 - keys.reduce((sum, k) => sum + result[k], 0);
  const byRemainder = [...exact].sort((a, b) => b.v - Math.floor(b.v) - (a.v - Math.floor(a.v)));
  for (const { k } of byRemainder) {
    if (missing <= 0) break;
    result[k] += 1;
    missing -= 1;
  }
  return result;
}
