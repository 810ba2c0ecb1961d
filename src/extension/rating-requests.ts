/** What the options page may ask of the background about ratings (joined into `OptionsToBackground`). */
import * as z from 'zod/mini';
import { LeanSchema } from '../core/contract.js';
import { RatingChoices } from '../core/rating-choices.js';
import { MAX_RATINGS_FILE_BYTES, RaterName } from '../core/ratings-file.js';

const OutletId = z.string().check(z.minLength(1), z.maxLength(100));

export const RatingsToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-rating-choices') }),
  z.object({
    type: z.literal('choose-rater'),
    rater: RaterName,
    fallback: RatingChoices.shape.fallback,
  }),
  z.object({ type: z.literal('set-override'), outletId: OutletId, lean: z.nullable(LeanSchema) }),
  z.object({ type: z.literal('remove-override'), outletId: OutletId }),
  z.object({
    type: z.literal('import-ratings'),
    text: z.string().check(z.maxLength(MAX_RATINGS_FILE_BYTES)),
  }),
  z.object({ type: z.literal('remove-imported'), rater: RaterName }),
]);
export type RatingsToBackground = z.infer<typeof RatingsToBackground>;
