/**
 * What the popup is told about the outlet of the page being read (the answer to `get-outlet`):
 * its owner and each rater's rating, with the factual-reporting level, date and basis where known.
 */
import type { Lean } from '../core/bias-scale.js';
import type { FACTUAL_LEVELS, OWNERSHIP_TYPES } from '../core/outlet.js';

export type FactualLevel = (typeof FACTUAL_LEVELS)[number];
export type Ownership = (typeof OWNERSHIP_TYPES)[number];

export interface OutletRating {
  rater: string;
  lean: Lean;
  /** The label in the rater's own words. */
  label?: string;
  factual?: FactualLevel;
  /** YYYY-MM or YYYY-MM-DD; the built-in directory does not carry it. */
  date?: string;
  basis?: string;
}

export interface OutletDetails {
  id: string;
  name: string;
  owner?: string;
  ownership?: Ownership;
  stateMedia?: boolean;
  /** The consensus lean, null when unrated. */
  lean: Lean | null;
  /** The consensus first, as the service or directory lists them. */
  ratings: OutletRating[];
  /**
   * `service`: the API's entry, with owners, factual levels, dates and the service's imported
   * ratings. `directory`: the extension's built-in directory, used when the service cannot
   * answer: names and leans only.
   */
  source: 'service' | 'directory';
}
