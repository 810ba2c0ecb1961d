/**
 * The words that set one side's headlines of a story apart from the other sides': weighted log-odds
 * ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words",
 * https://doi.org/10.1093/pan/mpn018). The prior is the story's own pooled word counts, so common
 * words of the story shrink towards "not distinctive" and rare words need real evidence.
 * Pure: the popup runs it over the story's articles.
 */
import type { Side } from './bias-scale.js';
import { SIDES } from './bias-scale.js';
import { tokenize } from './headline-text.js';

export interface SidedText {
  side: Side;
  text: string;
}

export interface FramingWord {
  /** The word as headlines most often write it (lower case unless an acronym). */
  word: string;
  /** The z-score of the weighted log-odds ratio, side against the other sides. */
  z: number;
  /** How many of the side's headlines use it. */
  headlines: number;
}

export type FramingWords = Record<Side, FramingWord[]>;

/** A side is compared only with at least this many headlines; fewer say nothing about framing. */
export const MIN_SIDE_HEADLINES = 3;
/** The whole story needs this many headlines before any side's words are shown. */
export const MIN_STORY_HEADLINES = 8;
/** One-sided 95%: a word must be this many standard errors more likely on its side. */
export const MIN_Z = 1.645;
/** A word must appear in this many of the side's headlines: one headline is an outlet's style. */
export const MIN_WORD_HEADLINES = 2;
/** Prior strength as a share of the pooled counts (α_w = PRIOR_WEIGHT · pooled count of w). */
export const PRIOR_WEIGHT = 0.5;
export const MAX_WORDS = 5;

interface Counts {
  /** Per stem, in how many headlines it appears. */
  perStem: Map<string, number>;
  total: number;
  headlines: number;
}

/** A stem that sets a side apart, before the word headlines write for it is known. */
interface Distinctive {
  stem: string;
  z: number;
  headlines: number;
}

function emptyCounts(): Counts {
  return { perStem: new Map(), total: 0, headlines: 0 };
}

/**
 * Per side, the most distinctive words of its headlines (highest z first, at most MAX_WORDS), or
 * null when the story has too little text for any of it to mean something. A side with fewer than
 * MIN_SIDE_HEADLINES headlines gets an empty list.
 */
export function framingWordsOf(texts: readonly SidedText[]): FramingWords | null {
  const bySide = new Map<Side, Counts>(SIDES.map((side) => [side, emptyCounts()]));
  const pooled = emptyCounts();
  const worded: string[] = [];
  for (const { side, text } of texts) {
    const stems = new Set(tokenize(text));
    if (stems.size === 0) continue;
    worded.push(text);
    for (const counts of [bySide.get(side), pooled]) {
      if (!counts) continue;
      counts.headlines += 1;
      for (const stem of stems) {
        counts.perStem.set(stem, (counts.perStem.get(stem) ?? 0) + 1);
        counts.total += 1;
      }
    }
  }
  const compared = SIDES.filter((side) => (bySide.get(side)?.headlines ?? 0) >= MIN_SIDE_HEADLINES);
  if (pooled.headlines < MIN_STORY_HEADLINES || compared.length < 2) return null;

  const distinctive = new Map<Side, Distinctive[]>();
  for (const side of compared) {
    const own = bySide.get(side) ?? emptyCounts();
    const stems: Distinctive[] = [];
    for (const [stem, ownCount] of own.perStem) {
      if (ownCount < MIN_WORD_HEADLINES) continue;
      const pooledCount = pooled.perStem.get(stem) ?? 0;
      const z = logOddsZ(
        ownCount,
        own.total,
        pooledCount - ownCount,
        pooled.total - own.total,
        pooledCount,
        pooled.total,
      );
      if (z >= MIN_Z) stems.push({ stem, z, headlines: ownCount });
    }
    distinctive.set(side, stems);
  }
  const result: FramingWords = { left: [], center: [], right: [] };
  // How headlines write each stem is costly to collect, and most stories have no distinctive word.
  if ([...distinctive.values()].every((stems) => stems.length === 0)) return result;
  const surfaces = new Map<string, Map<string, number>>();
  const stemOf = new Map<string, string | undefined>();
  for (const text of worded) recordSurfaces(text, surfaces, stemOf);
  for (const [side, stems] of distinctive) {
    const words = stems.map(({ stem, z, headlines }) => ({
      word: mostCommon(surfaces.get(stem)) ?? stem,
      z,
      headlines,
    }));
    result[side] = words.sort((a, b) => b.z - a.z || a.word.localeCompare(b.word)).slice(0, MAX_WORDS);
  }
  return result;
}

/**
 * The z-score of δ = log-odds of w in group i minus in group j, both smoothed by the prior
 * α_w = PRIOR_WEIGHT · pooled count (α_0 likewise), with Var(δ) ≈ 1/(y_i + α_w) + 1/(y_j + α_w).
 */
export function logOddsZ(
  yi: number,
  ni: number,
  yj: number,
  nj: number,
  pooledCount: number,
  pooledTotal: number,
): number {
  const a = PRIOR_WEIGHT * pooledCount;
  const a0 = PRIOR_WEIGHT * pooledTotal;
  const delta = Math.log((yi + a) / (ni + a0 - yi - a)) - Math.log((yj + a) / (nj + a0 - yj - a));
  return delta / Math.sqrt(1 / (yi + a) + 1 / (yj + a));
}

/**
 * Counts how headlines write each stem, so the reader sees "protesters", not "protester";
 * `stemOf` remembers each word's stem across the story's headlines, which repeat their words.
 */
function recordSurfaces(
  text: string,
  surfaces: Map<string, Map<string, number>>,
  stemOf: Map<string, string | undefined>,
): void {
  for (const raw of text.split(/[^\p{L}\p{N}'’.]+/u)) {
    const word = raw.replace(/^['’.]+|['’.]+$/g, '').replace(/['’]s$/i, '');
    if (word === '') continue;
    if (!stemOf.has(word)) stemOf.set(word, tokenize(word)[0]);
    const stem = stemOf.get(word);
    if (stem === undefined) continue;
    const shown = word.length >= 2 && word === word.toUpperCase() ? word : word.toLowerCase();
    const forms = surfaces.get(stem) ?? new Map<string, number>();
    forms.set(shown, (forms.get(shown) ?? 0) + 1);
    surfaces.set(stem, forms);
  }
}

function mostCommon(forms: Map<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [form, count] of forms ?? []) {
    if (count > bestCount || (count === bestCount && best !== undefined && form < best)) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}
