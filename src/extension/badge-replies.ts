/**
 * Automatic mode's content script's side of the badge wire: the port it opens, and the
 * background's replies with how the script reads them. Plain checks rather than zod schemas: zod
 * was two fifths of the script every granted page compiles at load, for four small shapes (#6).
 * WARNING: trust boundary. A reader returns a fresh object holding only the fields it checked, or
 * undefined for anything else (a failure, no answer, garbage), which draws nothing.
 */

/** The port the background keeps open so that badges learn when the extension goes away. */
export const BADGE_PORT = 'coverage-lens-badges';

/** What a badge draws: only what the badge and its card need, with the reader's rating choices. */
export interface BadgeStory {
  storyId: string;
  title: string;
  sourceCount: number;
  left: number;
  center: number;
  right: number;
  unrated: number;
}

/**
 * The words of a badge's accessible name ("Coverage Lens: 12 sources: 5 Left, …"), in the reader's
 * language, sent by the background with each lookup: a content script's first `i18n.getMessage`
 * fetches the extension's messages with a blocking call, 2 to 5 ms of the page's main thread (#6).
 */
export interface BadgeLabelWords {
  sourcesOne: string;
  /** With `$1` where the count goes. */
  sourcesOther: string;
  left: string;
  center: string;
  right: string;
  unrated: string;
}

/** Another outlet's headline on the story; `url` is https or null (then drawn as plain text). */
export interface BadgeTake {
  outlet: string;
  side: 'left' | 'center' | 'right' | 'unrated';
  title: string;
  url: string | null;
}

/** How many other takes a badge's card shows. */
export const MAX_TAKES = 3;
/** Longer than any sane article address; the content script does not ask about a longer one. */
export const MAX_HEADLINE_URL_LENGTH = 2048;
/** The longest story id the background may send. */
export const MAX_STORY_ID_LENGTH = 200;

type Reader<T> = (value: unknown) => T | undefined;
type Fields = Record<string, unknown>;

const fieldsOf = (value: unknown): Fields | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isStoryId = (value: unknown): value is string =>
  isString(value) && value.length > 0 && value.length <= MAX_STORY_ID_LENGTH;
const SIDE_NAMES: readonly unknown[] = ['left', 'center', 'right', 'unrated'];
const isSide = (value: unknown): value is BadgeTake['side'] => SIDE_NAMES.includes(value);

/** The four counts of a distribution, from `fields`; undefined unless all are counts. */
function countsOf(fields: Fields): Pick<BadgeStory, 'left' | 'center' | 'right' | 'unrated'> | undefined {
  const { left, center, right, unrated } = fields;
  return isCount(left) && isCount(center) && isCount(right) && isCount(unrated)
    ? { left, center, right, unrated }
    : undefined;
}

function arrayOf<T>(read: Reader<T>, max = Infinity): Reader<T[]> {
  return (value) => {
    if (!Array.isArray(value) || value.length > max) return undefined;
    const items: T[] = [];
    for (const item of value) {
      const one = read(item);
      if (one === undefined) return undefined;
      items.push(one);
    }
    return items;
  };
}

/** The data of a successful reply `{ok: true, data}`. */
function replyOf<T>(read: Reader<T>): Reader<T> {
  return (value) => {
    const reply = fieldsOf(value);
    return reply?.ok === true ? read(reply.data) : undefined;
  };
}

const readStory: Reader<BadgeStory> = (value) => {
  const fields = fieldsOf(value);
  if (fields === undefined) return undefined;
  const { storyId, title, sourceCount } = fields;
  const counts = countsOf(fields);
  return isStoryId(storyId) && isString(title) && isCount(sourceCount) && counts
    ? { storyId, title, sourceCount, ...counts }
    : undefined;
};

/** A story or null (no known story, or one that may not be asked). */
const readStoryOrNull: Reader<BadgeStory | null> = (value) => (value === null ? null : readStory(value));

const readTake: Reader<BadgeTake> = (value) => {
  const fields = fieldsOf(value);
  if (fields === undefined) return undefined;
  const { outlet, side, title, url } = fields;
  return isString(outlet) && isSide(side) && isString(title) && (url === null || isString(url))
    ? { outlet, side, title, url }
    : undefined;
};

/** The part of the `auto-lookup` reply (a `LookupResult`) an article page's badge draws. */
const readAutoLookup: Reader<{ story: BadgeStory | null }> = (value) => {
  const found = fieldsOf(value)?.story;
  if (found === null) return { story: null };
  const fields = fieldsOf(found);
  const distribution = fieldsOf(fields?.distribution);
  if (fields === undefined || distribution === undefined) return undefined;
  const { id: storyId, title, sourceCount } = fields;
  const story = readStory({ ...distribution, storyId, title, sourceCount });
  return story && { story };
};

const readStories = arrayOf(readStoryOrNull);

const readWords: Reader<BadgeLabelWords> = (value) => {
  const fields = fieldsOf(value);
  if (fields === undefined) return undefined;
  const { sourcesOne, sourcesOther, left, center, right, unrated } = fields;
  return isString(sourcesOne) &&
    isString(sourcesOther) &&
    isString(left) &&
    isString(center) &&
    isString(right) &&
    isString(unrated)
    ? { sourcesOne, sourcesOther, left, center, right, unrated }
    : undefined;
};

export const BadgeReplies = {
  /** One story or null per headline asked, in order; `enabled` false when badges are off here. */
  lookup: replyOf((value) => {
    const fields = fieldsOf(value);
    const stories = readStories(fields?.stories);
    const words = readWords(fields?.words);
    return typeof fields?.enabled === 'boolean' && stories !== undefined && words !== undefined
      ? { enabled: fields.enabled, stories, words }
      : undefined;
  }),
  takes: replyOf(arrayOf(readTake, MAX_TAKES)),
  /** Done (turning badges off for a site). */
  done: replyOf((value) => (value === null ? null : undefined)),
  autoLookup: replyOf(readAutoLookup),
};
