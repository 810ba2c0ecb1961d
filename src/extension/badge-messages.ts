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

/** Built on first call, then kept. */
function once<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

/*
 * The replies the content script reads. Each schema is built only when its first reply arrives:
 * building them all took milliseconds of a cold page load, and most pages need one or two.
 */

/** What a badge draws: only what the badge and its card need, with the reader's rating choices. */
const badgeStory = once(() =>
  z.object({
    storyId: StoryId,
    title: z.string(),
    sourceCount: Count,
    left: Count,
    center: Count,
    right: Count,
    unrated: Count,
  }),
);
export type BadgeStory = z.infer<ReturnType<typeof badgeStory>>;

/** Another outlet's headline on the story; `url` is https or null (then drawn as plain text). */
const badgeTake = once(() =>
  z.object({
    outlet: z.string(),
    side: z.literal(['left', 'center', 'right', 'unrated']),
    title: z.string(),
    url: z.nullable(z.string()),
  }),
);
export type BadgeTake = z.infer<ReturnType<typeof badgeTake>>;

/**
 * A successful reply as the content script reads it. Anything else (a failure, no answer, garbage)
 * draws nothing, so failures need no schema of their own.
 */
const replyOf = <T extends z.ZodMiniType>(data: T) => z.object({ ok: z.literal(true), data });

export const BadgeReplies = {
  /** One badge per headline asked, in order: null for no known story (or one that may not be asked). */
  lookup: once(() => replyOf(z.object({ enabled: z.boolean(), stories: z.array(z.nullable(badgeStory())) }))),
  takes: once(() => replyOf(z.array(badgeTake()).check(z.maxLength(MAX_TAKES)))),
  /** Done (turning badges off for a site). */
  done: once(() => replyOf(z.null())),
  /** The part of the `auto-lookup` reply (a `LookupResult`) an article page's badge draws. */
  autoLookup: once(() =>
    replyOf(
      z.object({
        story: z.nullable(
          z.object({
            id: StoryId,
            title: z.string(),
            sourceCount: Count,
            distribution: z.object({ left: Count, center: Count, right: Count, unrated: Count }),
          }),
        ),
      }),
    ),
  ),
};
