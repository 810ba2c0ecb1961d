/**
 * The inline badges' intents, from automatic mode's content script to the background (the replies
 * are in badge-replies.ts, which the content script reads without zod). Intents only: the page's
 * address always comes from the browser (`sender.url`).
 */
import * as z from 'zod/mini';
import { MAX_BATCH, MAX_TITLE_LENGTH } from '../core/lookup-limits.js';
import { MAX_HEADLINE_URL_LENGTH, MAX_STORY_ID_LENGTH } from './badge-replies.js';

const StoryId = z.string().check(z.minLength(1), z.maxLength(MAX_STORY_ID_LENGTH));

/** A headline link as the link finder reads it: its text and its target. */
export const BadgeHeadline = z.object({
  title: z.string().check(z.maxLength(MAX_TITLE_LENGTH)),
  url: z.string().check(z.maxLength(MAX_HEADLINE_URL_LENGTH)),
});
export type BadgeHeadline = z.infer<typeof BadgeHeadline>;

export const BadgeToBackground = z.discriminatedUnion('type', [
  /** Look up these headline links of my page; none to ask only whether badges are on here. */
  z.object({
    type: z.literal('badge-lookup'),
    headlines: z.array(BadgeHeadline).check(z.maxLength(MAX_BATCH)),
  }),
  /** The card's other takes on a story a badge shows, apart from the headline's own article. */
  z.object({ type: z.literal('badge-takes'), storyId: StoryId, url: BadgeHeadline.shape.url }),
  /** Open the full coverage of a story in a new tab. */
  z.object({ type: z.literal('open-coverage'), storyId: StoryId }),
  /** The reader turned badges off for the site of my page. */
  z.object({ type: z.literal('badges-off-here') }),
]);
export type BadgeToBackground = z.infer<typeof BadgeToBackground>;
