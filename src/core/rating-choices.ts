/**
 * The reader's choices about ratings, kept in the extension's storage: which rater's labels fold
 * into left / center / right, local overrides of single outlets, and ratings imported from a file.
 */
import * as z from 'zod/mini';
import { LEANS, type Lean } from './bias-scale.js';
import { CONSENSUS_RATER } from './outlet.js';
import { ImportedRating, MAX_RATING_ROWS, OVERRIDE_RATER, RaterName } from './ratings-file.js';

export const RATING_CHOICES_KEY = 'ratingChoices';
export const MAX_OVERRIDES = 5_000;

const OutletId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,99}$/));

export const RatingChoices = z.object({
  rater: RaterName,
  /** Where the chosen rater has no label for an outlet: the consensus label, or unrated. */
  fallback: z.enum(['consensus', 'unrated']),
  /** Outlet id → the reader's lean for it; null means "unrated". */
  overrides: z
    .record(OutletId, z.nullable(z.enum(LEANS)))
    .check(
      z.refine((record) => Object.keys(record).length <= MAX_OVERRIDES, `at most ${MAX_OVERRIDES} overrides`),
    ),
  imported: z.array(ImportedRating).check(z.maxLength(MAX_RATING_ROWS)),
});
export type RatingChoices = z.infer<typeof RatingChoices>;

export const DEFAULT_RATING_CHOICES: RatingChoices = {
  rater: CONSENSUS_RATER,
  fallback: 'consensus',
  overrides: {},
  imported: [],
};

/** True when the choices change nothing: the server's consensus distribution stands as it is. */
export function isConsensusOnly(choices: RatingChoices): boolean {
  return choices.rater === CONSENSUS_RATER && Object.keys(choices.overrides).length === 0;
}

/** A rater's lean of an outlet from the shipped directory, if it has one. */
export type DirectoryLean = (outletId: string, rater: string) => Lean | undefined;

/** The lean the reader sees for an outlet, given the consensus lean the API sent with it. */
export type LeanChooser = (outletId: string, consensus: Lean | null) => Lean | null;

/**
 * Order: the reader's override, then the chosen rater's imported label, then its label in the
 * shipped directory, then the fallback. The consensus comes from the API, which owns it.
 */
export function leanChooser(choices: RatingChoices, directoryLean: DirectoryLean): LeanChooser {
  const imported = new Map<string, Lean>();
  for (const rating of choices.imported)
    if (rating.rater === choices.rater && rating.lean !== null) imported.set(rating.outletId, rating.lean);
  return (outletId, consensus) => {
    const override = choices.overrides[outletId];
    if (override !== undefined) return override;
    if (choices.rater === CONSENSUS_RATER) return consensus;
    const chosen = imported.get(outletId) ?? directoryLean(outletId, choices.rater);
    if (chosen !== undefined) return chosen;
    return choices.fallback === 'consensus' ? consensus : null;
  };
}

/** The raters a reader can choose: the directory's (consensus first) and any imported ones. */
export function availableRaters(directoryRaters: readonly string[], choices: RatingChoices): string[] {
  const raters = [...directoryRaters];
  for (const rating of choices.imported) if (!raters.includes(rating.rater)) raters.push(rating.rater);
  return raters;
}

/**
 * The choices after importing accepted rows: override rows become overrides, the others replace any
 * earlier import of the same rater and outlet.
 */
export function withImported(choices: RatingChoices, rows: readonly ImportedRating[]): RatingChoices {
  const overrides = { ...choices.overrides };
  const byKey = new Map(
    choices.imported.map((rating) => [`${rating.rater}\u0000${rating.outletId}`, rating]),
  );
  for (const row of rows) {
    if (row.rater === OVERRIDE_RATER) overrides[row.outletId] = row.lean;
    else byKey.set(`${row.rater}\u0000${row.outletId}`, row);
  }
  return { ...choices, overrides, imported: [...byKey.values()] };
}
