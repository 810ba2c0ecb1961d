/**
 * Headline text as the matcher compares it: word tokens without stop words, lightly stemmed, so
 * "crashes", "crashed" and "crash" count as one term. Pure, shared by the server and evaluations.
 */
import { normalizeHeadline } from './headline-normalize.js';

// English function words, plus the headline filler that never says which event it is.
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each few for from further had ' +
    'has have having he her here hers herself him himself his how i if in into is it its itself just ' +
    'me more most my myself no nor not now of off on once only or other our ours ourselves out over ' +
    'own same she should so some such than that the their theirs them themselves then there these ' +
    'they this those through to too under until up us very was we were what when where which while who ' +
    'whom why will with would you your yours yourself yourselves amid says said say new via'
  ).split(' '),
);

/**
 * A light suffix stripper (plural, -ed, -ing, final e, doubled consonant), far short of Porter's
 * but enough to join inflections that headlines of one event use interchangeably.
 */
function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word) || /(ss|us|is|ics)$/.test(word)) return word;
  let stemmed = word;
  if (stemmed.endsWith('ies') && stemmed.length > 4) stemmed = `${stemmed.slice(0, -3)}y`;
  else if (/(ches|shes|sses|xes|zes)$/.test(stemmed)) stemmed = stemmed.slice(0, -2);
  else if (stemmed.endsWith('s')) stemmed = stemmed.slice(0, -1);
  else if (stemmed.endsWith('ing') && stemmed.length > 5) stemmed = stemmed.slice(0, -3);
  else if (stemmed.endsWith('ied') && stemmed.length > 5) stemmed = `${stemmed.slice(0, -3)}y`;
  else if (stemmed.endsWith('ed') && stemmed.length > 5) stemmed = stemmed.slice(0, -2);
  if (/([^aeiouylsz])\1$/.test(stemmed)) stemmed = stemmed.slice(0, -1);
  if (stemmed.length > 3 && stemmed.endsWith('e')) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

/**
 * Lower-case word tokens without stop words, stemmed. Acronyms written in capitals ("US", "IT")
 * pass the stop list unstemmed, unless the whole headline is in capitals.
 */
export function tokenize(text: string): string[] {
  const normal = normalizeHeadline(text.normalize('NFKC'))
    // U.S. -> US, U.K. -> UK: keep dotted acronyms as one token.
    .replace(/\b((?:\p{Lu}\.){2,})/gu, (dotted) => dotted.replaceAll('.', ''))
    .replace(/'s\b/gi, '')
    .replaceAll("'", '');
  const shouting = normal === normal.toUpperCase();
  const tokens: string[] = [];
  for (const raw of normal.split(/[^\p{L}\p{N}]+/u)) {
    if (raw === '') continue;
    const word = raw.toLowerCase();
    if (!shouting && raw.length >= 2 && raw === raw.toUpperCase() && /\p{L}/u.test(raw)) tokens.push(word);
    else if (word.length >= 2 && !STOP_WORDS.has(word)) tokens.push(stem(word));
  }
  return tokens;
}
