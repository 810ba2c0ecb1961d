/**
 * The words of an article URL's slug ("/2024/03/12/council-votes-to-keep-library-hours/"). Many CMSs
 * write the slug from the headline the editor chose when the article was saved and keep it when the
 * social title, the SEO title or a live page's latest entry are rewritten, so it tells which of several
 * differing headlines is the article's own.
 */
import { headlineKey } from '../../../core/headline-normalize.js';

export interface Slug {
  /** Folded word → how often it occurs. */
  counts: ReadonlyMap<string, number>;
  size: number;
}

/** Fewer words than this in the wordiest path segment: an id or a section name, not a slug. */
const MIN_WORDS = 3;
const EXTENSION = /\.(?:s?html?|php|aspx?|cms)$/i;
/** Ids: letters mixed with digits ("60a0111a", "umxw2qf") or long numbers; "2024" and "49" are words. */
const ID_LIKE = /^(?:(?=.*\p{L})(?=.*\p{N}).*|\p{N}{5,})$/u;
const NON_ASCII = /[^\p{ASCII}]/u;

/**
 * The words of a loose key (headline words, lower case, one space apart) in one spelling for the
 * transliterations slugs use: "räumt" and "raeumt", "søskenbarna" and "soeskenbarna", "tårene" and
 * "tarene" fold alike, and a clitic split off at an apostrophe joins its word again ("king s" and
 * "kings"), since slugs drop apostrophes.
 */
export function slugWords(loose: string): string[] {
  let folded = loose;
  if (NON_ASCII.test(folded)) {
    folded = folded
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/ø/g, 'o')
      .replace(/æ/g, 'ae')
      .replace(/œ/g, 'oe');
  }
  folded = folded.replace(/ (?=[st](?: |$))/g, '');
  return folded
    .replace(/([aou])e/g, '$1')
    .replace(/aa/g, 'a')
    .split(' ')
    .filter((w) => w.length > 0);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The slug of an article URL: its wordiest path segment, ids left out; null when there is none. */
export function slugOf(url: string): Slug | null {
  const path = /^https?:\/\/[^/?#]*([^?#]*)/i.exec(url)?.[1] ?? '';
  let best: string[] = [];
  for (const segment of path.split('/')) {
    const loose = headlineKey(decodeSegment(segment).replace(EXTENSION, ''))
      .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
      .trim();
    const words = slugWords(loose).filter((w) => !ID_LIKE.test(w));
    if (words.filter((w) => /\p{L}/u.test(w)).length >= MIN_WORDS && words.length > best.length) best = words;
  }
  if (best.length === 0) return null;
  const counts = new Map<string, number>();
  for (const w of best) counts.set(w, (counts.get(w) ?? 0) + 1);
  return { counts, size: best.length };
}

/** How closely a headline, given as its loose key, spells the slug: the Dice overlap of words, 0..1. */
export function slugOverlap(slug: Slug, loose: string): number {
  const words = slugWords(loose);
  if (words.length === 0) return 0;
  const left = new Map(slug.counts);
  let hits = 0;
  for (const w of words) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      hits += 1;
      left.set(w, n - 1);
    }
  }
  return (2 * hits) / (words.length + slug.size);
}
