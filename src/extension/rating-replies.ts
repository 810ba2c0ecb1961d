/** The background's answers to the options page's ratings requests (see rating-requests.ts). */
import * as z from 'zod/mini';
import { LeanSchema } from '../core/contract.js';
import { RatingChoices } from '../core/rating-choices.js';
import { RaterName } from '../core/ratings-file.js';
import { replyOf } from './messages.js';

export const RaterSummary = z.object({
  name: RaterName,
  /** How many outlets the shipped directory rates by it. */
  directoryOutlets: z.int().check(z.nonnegative()),
  /** How many outlets the reader imported ratings for by it. */
  importedOutlets: z.int().check(z.nonnegative()),
});
export type RaterSummary = z.infer<typeof RaterSummary>;

export const RatingChoicesView = z.object({
  rater: RaterName,
  fallback: RatingChoices.shape.fallback,
  overrides: z.array(z.object({ outletId: z.string(), lean: z.nullable(LeanSchema) })),
  raters: z.array(RaterSummary),
});
export type RatingChoicesView = z.infer<typeof RatingChoicesView>;

/** At most this many rejected rows travel back for display; the count says how many there were. */
export const MAX_REPORTED_REJECTIONS = 200;

export const ImportReport = z.object({
  format: z.enum(['csv', 'json']),
  accepted: z.int().check(z.nonnegative()),
  overrides: z.int().check(z.nonnegative()),
  rejectedCount: z.int().check(z.nonnegative()),
  rejected: z.array(z.object({ row: z.int(), line: z.nullable(z.int()), reason: z.string() })),
  error: z.optional(z.string()),
  view: RatingChoicesView,
});
export type ImportReport = z.infer<typeof ImportReport>;

export const RatingChoicesReply = replyOf(RatingChoicesView);
export const ImportReportReply = replyOf(ImportReport);
