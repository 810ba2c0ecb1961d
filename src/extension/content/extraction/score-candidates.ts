/**
 * Reconciles headline candidates by evidence: each proposal is scored by how many sources, weighted
 * by how often that kind of source is right, state it, or state it with a kicker or suffix around it.
 * No source wins by rank alone; a lone high-weight source loses to two that agree.
 */
import { headlineKey } from '../../../core/headline-normalize.js';
import { splitTitle, withoutLabelKicker } from './clean-title.js';
import { slugOverlap, type Slug } from './url-slug.js';

export interface Candidate {
  source: string;
  /** Cleaned text (site name already stripped). */
  text: string;
  /** Prior reliability of this kind of source. */
  weight: number;
  /**
   * For a heading built as kicker + headline elements, the headline element's text: the heading
   * states both, since whether a kicker belongs to the headline differs from site to site.
   */
  tail?: string;
  /** Read from the rendered page, where separators drawn by CSS are missing from the text. */
  rendered?: boolean;
  /** The title the publisher gives for sharing (og:title): like the visible heading, written for people. */
  shared?: boolean;
}

/** The page URL's slug as a further source, which states the proposal that spells it best. */
export interface SlugSource {
  slug: Slug;
  weight: number;
}

export interface Choice {
  text: string;
  /** Share of all candidate weight that supports the choice, 0..1. */
  support: number;
}

/** Scripts written without spaces, where a word count says nothing about length. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const ELLIPSIS = /(?:\.{3}|…)$/;
/** Below this overlap the slug names something else (a section, a shortened topic), not a proposal. */
const SLUG_MATCH = 0.6;

/**
 * Words only: the same headline reaches the page with different punctuation ("Kicker / Headline" in
 * og:title, "Kicker Headline" from two spans of the h1, quotes dropped by one CMS field).
 */
export function looseKey(text: string): string {
  return looseOfKey(headlineKey(text));
}

function looseOfKey(key: string): string {
  return key.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim();
}

interface Keyed extends Candidate {
  key: string;
  loose: string;
  /** Loose key of the text before a trailing ellipsis, when the source was cut short. */
  cut: string | null;
  tailLoose: string | null;
}

/** Support that source `c` gives the proposal with loose key `p`, 0..1. */
export function agreement(c: Pick<Keyed, 'loose' | 'cut' | 'tailLoose'>, p: string): number {
  const t = c.loose;
  if (t === p || c.tailLoose === p) return 1;
  // t is p plus a kicker or a suffix at a word boundary; affixes are shorter than headlines.
  if (t.length > p.length && t.length - p.length - 1 < p.length) {
    if (t.endsWith(` ${p}`) || t.startsWith(`${p} `)) return 0.5;
  }
  if (c.cut && c.cut.length < p.length && p.startsWith(c.cut)) return 0.8;
  return 0;
}

function isTooShort(text: string): boolean {
  if (UNSPACED.test(text)) return text.length < 5;
  return !/\S\s+\S/.test(text);
}

/** Proposals: each candidate as given, without a label kicker, and with one end segment dropped. */
function proposalsOf(candidates: Candidate[]): string[] {
  const proposals = new Set<string>();
  for (const { text, tail } of candidates) {
    proposals.add(text);
    if (tail) proposals.add(tail);
  }
  for (const { text } of candidates) {
    const unlabelled = withoutLabelKicker(text);
    if (unlabelled) proposals.add(unlabelled);
    const parts = splitTitle(text);
    if (parts.length >= 3) {
      proposals.add(parts.slice(0, -2).join('').trim());
      proposals.add(parts.slice(2).join('').trim());
    }
  }
  return [...proposals].filter((p) => p.length > 0);
}

/** Whether a text cut short ("…") is stated in full by another source, which is then the headline. */
function completedElsewhere(key: string, sources: Keyed[]): boolean {
  if (!ELLIPSIS.test(key)) return false;
  const cut = looseOfKey(key.replace(ELLIPSIS, ''));
  return sources.some((c) => c.cut === null && c.loose.length > cut.length && c.loose.startsWith(cut));
}

export function keyed(candidate: Candidate): Keyed {
  const key = headlineKey(candidate.text);
  return {
    ...candidate,
    key,
    loose: looseOfKey(key),
    cut: ELLIPSIS.test(key) ? looseOfKey(key.replace(ELLIPSIS, '')) : null,
    tailLoose: candidate.tail ? looseKey(candidate.tail) : null,
  };
}

/**
 * The proposals the slug states: those it overlaps most, when that is enough to be the same headline.
 * Ties all count, as the slug cannot tell spellings of the same words apart. Keys are loose keys.
 */
function slugStated(looseKeys: string[], source: SlugSource | null): Set<string> {
  if (!source) return new Set();
  const distinct = [...new Set(looseKeys)];
  const overlaps = distinct.map((loose) => slugOverlap(source.slug, loose));
  const best = Math.max(0, ...overlaps);
  return best < SLUG_MATCH
    ? new Set()
    : new Set(distinct.filter((_, i) => (overlaps[i] ?? 0) >= best - 1e-9));
}

export function chooseHeadline(candidates: Candidate[], slug: SlugSource | null = null): Choice | null {
  const sources = candidates.filter((c) => c.text.length > 0).map(keyed);
  if (sources.length === 0) return null;
  const proposals = proposalsOf(sources)
    .map((text) => {
      const key = headlineKey(text);
      return { text, key, loose: looseOfKey(key) };
    })
    .filter((p) => p.loose && !completedElsewhere(p.key, sources));
  const bySlug = slugStated(
    proposals.map((p) => p.loose),
    slug,
  );
  const total = sources.reduce((sum, c) => sum + c.weight, 0) + (bySlug.size > 0 ? (slug?.weight ?? 0) : 0);
  // A label kicker ("Live:") is presentation: a labelled source supports the headline without it.
  const unlabelled = sources.map((c) => {
    const rest = withoutLabelKicker(c.text);
    return rest ? looseKey(rest) : null;
  });
  // The sharing title and the visible heading agree: the headline people see, whatever SEO variant
  // <title>, JSON-LD and twitter:title carry, and with or without the kicker the heading sets apart.
  const confirmed = new Set<string>();
  sources.forEach((c, i) => {
    if (c.shared && sources.some((h) => h.rendered && (h.loose === c.loose || h.tailLoose === c.loose)))
      confirmed.add(unlabelled[i] ?? c.loose);
  });
  let best: { text: string; score: number; exact: number } | null = null;
  for (const { text, key, loose } of proposals) {
    let score = 0;
    let exact = 0;
    sources.forEach((c, i) => {
      const a = unlabelled[i] === loose ? 1 : agreement(c, loose);
      score += a * c.weight;
      if (c.key === key && !c.rendered) exact += c.weight;
    });
    if (bySlug.has(loose)) score += slug?.weight ?? 0;
    if (confirmed.has(loose)) score *= 2;
    if (isTooShort(text)) score *= 0.3;
    // Where the same sources state it with and without a label ("LIVE:"), the label is presentation.
    if (withoutLabelKicker(text) !== null) score *= 0.9;
    // Among spellings of the same words, the one more declared sources state exactly; then the shorter.
    const better =
      !best ||
      score > best.score + 1e-9 ||
      (Math.abs(score - best.score) <= 1e-9 &&
        (exact > best.exact + 1e-9 ||
          (Math.abs(exact - best.exact) <= 1e-9 && text.length < best.text.length)));
    if (better) best = { text, score, exact };
  }
  return best && best.score > 0 ? { text: best.text, support: Math.min(1, best.score / total) } : null;
}
