/**
 * Headline text normalisation shared by the extractor, the lookup and the evaluations.
 * Pure string functions: no DOM, so they run in the content script, the server and Node alike.
 */

/** Typographic quotes and primes that readers see as ' or ". */
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u301D\u301E\u301F\uFF02]/g;
/** Every Unicode space, including no-break, zero-width and line separators. */
const SPACES = /[\s\u00A0\u1680\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF]+/g;
// An alternation, not a class: a class holding U+200D reads as a joined sequence to linters.
const INVISIBLE = /\u00AD|\u200C|\u200D|\u2060/g;
/** Most headlines are plain ASCII, for which Unicode normalisation is the identity: skip its cost. */
const NON_ASCII = /[^\p{ASCII}]/u;
/** Printable ASCII words without backticks, one space apart: already normalised, nothing to copy. */
const NORMAL_ASCII = /^[!-_a-~]+(?: [!-_a-~]+)*$/;

/** Display form: NFC, straight quotes, one space between words, no soft hyphens, trimmed. */
export function normalizeHeadline(text: string): string {
  if (NORMAL_ASCII.test(text)) return text;
  if (!NON_ASCII.test(text)) return text.replace(/`/g, "'").replace(/\s+/g, ' ').trim();
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(SPACES, ' ')
    .trim();
}

/**
 * Comparison form: NFKC, straight quotes, collapsed spaces and a case fold close to Unicode's
 * full folding (JavaScript has no casefold: ß and final sigma are the common differences).
 */
export function headlineKey(text: string): string {
  return normalizeHeadline(text.normalize('NFKC')).toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ');
}
