import { tokenize } from '../../core/headline-text.js';

/** The distinct terms an article or a lookup item is matched on: its headline and, when given, its description. */
export function itemTerms(title: string, description: string | null | undefined): Set<string> {
  return new Set(tokenize(description ? `${title} ${description}` : title));
}
