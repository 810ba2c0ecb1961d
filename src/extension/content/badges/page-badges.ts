/**
 * Automatic mode's badges on one page, wired to the background: on an article page one badge in
 * its main headline, on a listing page a session of badges beside its headline links. Everything
 * drawn is removed when the reader turns badges off here, when the background says they are off,
 * and when the extension goes away (reloaded, updated, disabled), observers included.
 */
import type { BadgeToBackground } from '../../badge-messages.js';
import {
  BADGE_PORT,
  BadgeReplies,
  MAX_HEADLINE_URL_LENGTH,
  type BadgeLabelWords,
  type BadgeStory,
} from '../../badge-replies.js';
import { createBadge } from './badge-element.js';
import { startBadgeSession, type BadgeSession } from './badge-session.js';
import type { BadgeWords } from './badge-text.js';
import { runtimeAlive, sendToBackground, watchRuntime } from '../extension-runtime.js';
import { mainHeadline } from './main-headline.js';

/** A badge's words, from those the background sent with its lookup reply. */
function wordsOf(label: BadgeLabelWords): BadgeWords {
  return {
    sources: (count) => (count === 1 ? label.sourcesOne : label.sourcesOther.replace('$1', String(count))),
    side: (side) => label[side],
  };
}

/** A story to draw, with the words to draw it with. */
interface Answer {
  story: BadgeStory;
  words: BadgeWords;
}

/** The background's answer to a badge intent, or undefined for no answer, a failure or garbage. */
async function ask<T>(
  intent: BadgeToBackground,
  read: (reply: unknown) => T | undefined,
): Promise<T | undefined> {
  return read(await sendToBackground(intent));
}

function badgesOn(doc: Document) {
  const drawn = new Set<HTMLElement>();
  let session: BadgeSession | undefined;
  // Closed by the background: ask whether badges are still on here (a revoked site is refused).
  const runtime = watchRuntime(BADGE_PORT, stop, () => {
    void ask({ type: 'badge-lookup', headlines: [] }, BadgeReplies.lookup).then((state) => {
      if (state?.enabled !== true) stop();
    });
  });

  function stop() {
    runtime.stop();
    session?.stop();
    for (const host of drawn) host.remove();
    drawn.clear();
  }

  function badgeFor({ story, words }: Answer, url: string): HTMLElement {
    const host = createBadge(doc, story, words, {
      loadTakes: async () =>
        (await ask({ type: 'badge-takes', storyId: story.storyId, url }, BadgeReplies.takes)) ?? null,
      openCoverage: () => void sendToBackground({ type: 'open-coverage', storyId: story.storyId }),
      turnOffSite: () =>
        void ask({ type: 'badges-off-here' }, BadgeReplies.done).then((done) => {
          if (done !== undefined) stop();
        }),
    });
    drawn.add(host);
    return host;
  }

  return {
    badgeFor,
    runtime,
    startSession(): void {
      session = startBadgeSession<Answer>(doc, {
        lookUp: async (links) => {
          const reply = await ask(
            { type: 'badge-lookup', headlines: links.map(({ title, url }) => ({ title, url })) },
            BadgeReplies.lookup,
          );
          if (reply === undefined) return null;
          const words = wordsOf(reply.words);
          return { enabled: reply.enabled, stories: reply.stories.map((story) => story && { story, words }) };
        },
        // One address over the limit would have the background refuse the whole batch.
        canAsk: (link) => link.url.length <= MAX_HEADLINE_URL_LENGTH,
        drawBadge: (answer, link) => badgeFor(answer, link.url),
        alive: () => runtime.checkAlive(),
      });
    },
  };
}

/** A listing page: badges beside its headline links, as they come into view. */
export function badgeListing(doc: Document): void {
  badgesOn(doc).startSession();
}

/**
 * An article page: one badge at the end of its main headline, for the story automatic mode's
 * lookup found (`autoLookup`, the background's reply), when badges are on for the site.
 */
export async function badgeArticle(
  doc: Document,
  title: string,
  pageUrl: string,
  autoLookup: Promise<unknown>,
): Promise<void> {
  const badges = badgesOn(doc);
  const [found, state] = await Promise.all([
    autoLookup.then(BadgeReplies.autoLookup),
    ask({ type: 'badge-lookup', headlines: [] }, BadgeReplies.lookup),
  ]);
  const story = found?.story;
  const heading = mainHeadline(doc, title);
  if (!story || state?.enabled !== true || heading === null || !runtimeAlive()) {
    badges.runtime.stop();
    return;
  }
  heading.append(badges.badgeFor({ story, words: wordsOf(state.words) }, pageUrl));
}
