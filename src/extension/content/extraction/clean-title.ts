/**
 * Turns a raw title string into headline text: decodes leftover entities, normalises space and
 * quotes, and strips the site's name (and known section names) from either end, at a separator.
 */
import { normalizeHeadline } from '../../../core/headline-normalize.js';
import { decodeText } from './decode-text.js';
import type { SiteNames } from './site-names.js';

/**
 * Separators sites put between headline, section and brand: spaced dashes, pipes, bullets, guillemets,
 * slashes and colons. A pipe, a full-width bar or Korean ㅣ needs no spaces, nor does the underscore
 * Chinese portals put between title, channel and site. Unspaced hyphens are words.
 */
const SEPARATOR = /(\s+[|\-–—·•»«~/:*]\s+|\s*[|｜ㅣ]\s*|\s*::\s*|:\s+|(?<=[^\p{ASCII}])_(?=[^\p{ASCII}]))/u;
/**
 * A last segment glued on by a hyphen between Hangul or CJK letters ("…이어져-사회"), which those
 * scripts do not hyphenate words with; stripped only when it names the site or a declared section.
 */
const GLUED_SUFFIX =
  /(?<=[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])-([\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+)$/u;

/** Labels that sit before a headline rather than in it ("Live:", "EXKLUSIV |"), in several languages. */
const LABEL_KICKER = new RegExp(
  '^(?:\\+{3}\\s*)?(?:live(?:[- ]?(?:blog|ticker|updates?|stream|news))?|breaking(?: news)?|exclusive|watch|video|audio|' +
    'podcast|photos?|gallery|in pictures|update[d]?|just in|developing|eilmeldung|exklusiv|liveblog|' +
    'news-?ticker|ticker|en direct|direct|en vivo|en directo|directo|última hora|ultima hora|ao vivo|' +
    'diretta|liveblogg|direkte|nyhetsstudio|canlı|son dakika|速報|ライブ|생중계|속보)' +
    '(?:\\s*\\+{3})?\\s*(?::|\\||[-–—]|\\+{3})\\s*',
  'iu',
);

/** "Politics News", "Bhopal News": a section named after the news it holds, never a headline. */
const NEWS_SECTION =
  /^(?:[\p{L}&'.-]+\s){0,2}(?:news|nachrichten|noticias|nouvelles|notizie|nieuws|nyheter|nyheder|haber(?:leri)?|wiadomości|zprávy)$/iu;
/** A byline segment ("by Jane Doe"), which some CMSs append to titles. */
const BYLINE = /^(?:by|von|par|por|door|av|af|di|da)\s+\p{Lu}/u;

/** Splits a title into segments and the separators between them (odd indexes). */
export function splitTitle(text: string): string[] {
  return text.split(SEPARATOR);
}

/**
 * Removes affix segments from both ends, keeping at least one segment. `isAffix` also gets the
 * separator, because a colon joins a kicker to its headline far more often than a brand.
 */
export function stripAffixes(text: string, isAffix: (segment: string, separator: string) => boolean): string {
  const parts = splitTitle(text);
  let start = 0;
  let end = parts.length - 1;
  while (end - start >= 2 && isAffix(parts[end] ?? '', parts[end - 1] ?? '')) end -= 2;
  while (end - start >= 2 && isAffix(parts[start] ?? '', parts[start + 1] ?? '')) start += 2;
  return parts
    .slice(start, end + 1)
    .join('')
    .trim();
}

/** The headline without a leading label kicker, or null when there is none. */
export function withoutLabelKicker(text: string): string | null {
  const match = LABEL_KICKER.exec(text);
  if (!match) return null;
  const rest = text.slice(match[0].length).trim();
  return rest.length > 0 ? rest : null;
}

/** Decoded, normalised text with the site's name stripped; empty when nothing else is left. */
export function cleanTitle(raw: string, names: SiteNames, sections: ReadonlySet<string>): string {
  const text = normalizeHeadline(decodeText(raw));
  const isAffix = (segment: string, separator: string): boolean => {
    const trimmed = segment.trim();
    if (names.isSiteName(trimmed)) return true;
    if (separator.includes(':')) return false;
    return sections.has(trimmed.toLowerCase()) || NEWS_SECTION.test(trimmed) || BYLINE.test(trimmed);
  };
  let stripped = stripAffixes(text, isAffix);
  const glued = GLUED_SUFFIX.exec(stripped);
  if (glued && isAffix(glued[1] ?? '', '')) stripped = stripped.slice(0, glued.index);
  return isAffix(stripped, '') ? '' : stripped;
}
