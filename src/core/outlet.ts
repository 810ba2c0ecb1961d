/** The outlet directory's shape (`data/outlets.json`), shared by the server, the extension and the checks. */
import * as z from 'zod/mini';
import { LeanSchema } from './contract.js';

/** The project's own consensus rater: its label is the one the server's distribution uses. */
export const CONSENSUS_RATER = 'coverage-lens';

export const FACTUAL_LEVELS = ['very-low', 'low', 'mixed', 'mostly-factual', 'high', 'very-high'] as const;
export const OWNERSHIP_TYPES = [
  'public-broadcaster',
  'state',
  'corporate',
  'independent',
  'non-profit',
] as const;

export const Rating = z.object({
  rater: z.string().check(z.minLength(1)),
  /** The rater's label mapped onto the seven-step scale. */
  lean: LeanSchema,
  /** The label in the rater's own words, when it differs from the scale's. */
  label: z.optional(z.string()),
  factual: z.optional(z.enum(FACTUAL_LEVELS)),
  /** When the rating was made or last checked (YYYY-MM or YYYY-MM-DD). */
  date: z.string().check(z.regex(/^\d{4}-\d{2}(-\d{2})?$/)),
  basis: z.optional(z.string()),
  source: z.optional(z.string()),
});
export type Rating = z.infer<typeof Rating>;

export const Outlet = z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
  name: z.string().check(z.minLength(1)),
  /** Registrable domains and known subdomains it publishes on, lower case, no scheme. */
  domains: z.array(z.string().check(z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/))).check(z.minLength(1)),
  country: z.string().check(z.regex(/^[A-Z]{2}$|^INT$/)),
  language: z.string().check(z.regex(/^[a-z]{2}$/)),
  owner: z.optional(z.string()),
  ownership: z.optional(z.enum(OWNERSHIP_TYPES)),
  stateMedia: z.optional(z.boolean()),
  ratings: z.array(Rating),
});
export type Outlet = z.infer<typeof Outlet>;

/**
 * The wire answer of `GET /v1/outlets/:domain`: the directory entry with every rater's rating (the
 * service's imported ones included) and `lean`, the consensus, null when unrated.
 */
export const OutletResponse = z.extend(Outlet, { lean: z.nullable(LeanSchema) });
export type OutletResponse = z.infer<typeof OutletResponse>;

export const OutletDirectory = z.object({
  version: z.string(),
  outlets: z.array(Outlet),
});
export type OutletDirectory = z.infer<typeof OutletDirectory>;
