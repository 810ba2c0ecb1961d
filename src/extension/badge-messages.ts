/**
 * The inline badges' messages between automatic mode's content script and the background, in a
 * module of their own so the content script bundles these few schemas rather than every message
 * of the extension. Intents only: the page's address always comes from the browser (`sender.url`).
 */
import * as z from 'zod/mini';
import { MAX_BATCH, MAX_TITLE_LENGTH } from '../core/lookup-limits.js';

/** The port the background keeps open so that badges learn when the extension goes away. */
export const BADGE_PORT = 'coverage-lens-badges';
/** Longer than any sane article address; a longer one is dropped by the content script. */
export const MAX_HEADLINE_URL_LENGTH = 2048;
/** How many other takes a badge's card shows. */
export const MAX_TAKES = 3;

const StoryId = z.string().check(z.minLength(1), z.maxLength(200));
const Count = z.int().check(z.nonnegative());

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

/** What a badge draws: only what the badge and its card need, with the reader's rating choices. */
export const BadgeStory = z.object({
  storyId: StoryId,
  title: z.string(),
  sourceCount: Count,
  left: Count,
  center: Count,
  right: Count,
  unrated: Count,
});
export type BadgeStory = z.infer<typeof BadgeStory>;

/** One badge per headline asked, in order: null for no known story (or one that may not be asked). */
export const BadgeLookup = z.object({ enabled: z.boolean(), stories: z.array(z.nullable(BadgeStory)) });
export type BadgeLookup = z.infer<typeof BadgeLookup>;

/** Another outlet's headline on the story; `url` is https or null (then drawn as plain text). */
export const BadgeTake = z.object({
  outlet: z.string(),
  side: z.enum(['left', 'center', 'right', 'unrated']),
  title: z.string(),
  url: z.nullable(z.string()),
});
export type BadgeTake = z.infer<typeof BadgeTake>;
export const BadgeTakes = z.array(BadgeTake).check(z.maxLength(MAX_TAKES));

/** A reply as the content script reads it: the data, or any failure (which draws nothing). */
export function badgeReplyOf<T extends z.ZodMiniType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false) }),
  ]);
}

/** The part of the `auto-lookup` reply (a `LookupResult`) an article page's badge draws. */
export const AutoLookupStory = z.object({
  story: z.nullable(
    z.object({
      id: StoryId,
      title: z.string(),
      sourceCount: Count,
      distribution: z.object({ left: Count, center: Count, right: Count, unrated: Count }),
    }),
  ),
});
