import { tokenize } from '../../core/headline-text.js';

/** What the matcher compares of an article or a lookup item. Terms are `tokenize` terms, distinct. */
export interface ArticleTerms {
  title: string[];
  /** Title and description together. */
  text: string[];
  /**
   * The names and numbers among `text`: acronyms, numbers, and capitalised words inside sentence-case
   * text. Stories on one subject share topic words; names and counts tell the events apart.
   */
  entities: string[];
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

/**
 * Capitalised words that are not the first of a sentence, read only where the text is in sentence
 * case: in title-case headlines ("Fed Official Says ...") capitals say nothing.
 */
function entityWords(text: string): string[] {
  const words = text.match(WORD) ?? [];
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  const sentenceCase = capitalised * 2 <= words.length;
  const out: string[] = [];
  let sentenceStart = true;
  for (const match of text.matchAll(/([\p{L}\p{N}][\p{L}\p{N}'’.-]*)|([.!?:;"“”]+)/gu)) {
    const word = match[1];
    if (word === undefined) {
      sentenceStart = true;
      continue;
    }
    const acronym = word.length >= 2 && /^[\p{Lu}\p{N}.]+$/u.test(word) && /\p{Lu}/u.test(word);
    if (/\p{N}/u.test(word) || acronym || (sentenceCase && !sentenceStart && /^\p{Lu}/u.test(word)))
      out.push(word);
    sentenceStart = /[.!?]$/.test(word) && !acronym;
  }
  return out;
}

function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** The terms of a title and optional description. Pure. */
export function articleTerms(title: string, description: string | null | undefined): ArticleTerms {
  const titleTerms = distinct(tokenize(title));
  const text = description ? distinct([...titleTerms, ...tokenize(description)]) : titleTerms;
  const inText = new Set(text);
  // Each part's case is judged alone: a title-case headline above a sentence-case lead is common.
  const words = description ? [...entityWords(title), ...entityWords(description)] : entityWords(title);
  // An acronym alone reads as shouting to `tokenize`, which would drop "US" as a stop word.
  const entityTerms = words.flatMap((word) =>
    /^[\p{Lu}.]+$/u.test(word) ? [word.replaceAll('.', '').toLowerCase()] : tokenize(word),
  );
  const entities = distinct(entityTerms).filter((term) => inText.has(term));
  return { title: titleTerms, text, entities };
}
