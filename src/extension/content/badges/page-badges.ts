/**
 * Automatic mode's badges on one page, wired to the background: on an article page one badge in
 * its main headline, on a listing page a session of badges beside its headline links. Everything
 * drawn is removed when the reader turns badges off here, when the background says they are off,
 * and when the extension goes away (reloaded, updated, disabled), observers included.
 */
import type * as z from 'zod/mini';
import { BADGE_PORT, BadgeReplies, type BadgeStory, type BadgeToBackground } from '../../badge-messages.js';
import { createBadge } from './badge-element.js';
import { startBadgeSession, type BadgeSession } from './badge-session.js';
import type { BadgeWords } from './badge-text.js';
import { message, runtimeAlive, sendToBackground, watchRuntime } from '../extension-runtime.js';
import { mainHeadline } from './main-headline.js';

const SIDE_KEYS = { left: 'sideLeft', center: 'sideCenter', right: 'sideRight', unrated: 'sideUnrated' };
const words: BadgeWords = {
  sources: (count) => (count === 1 ? message('badgeSourcesOne') : message('badgeSourcesOther', count)),
  side: (side) => message(SIDE_KEYS[side]),
};

/** The background's answer to a badge intent, or undefined for no answer, a failure or garbage. */
async function ask<T>(
  intent: BadgeToBackground,
  reply: () => z.ZodMiniType<{ ok: true; data: T }>,
): Promise<T | undefined> {
  const parsed = reply().safeParse(await sendToBackground(intent));
  return parsed.success ? parsed.data.data : undefined;
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

  function badgeFor(story: BadgeStory, url: string): HTMLElement {
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
      session = startBadgeSession(doc, {
        lookUp: (links) =>
          ask(
            { type: 'badge-lookup', headlines: links.map(({ title, url }) => ({ title, url })) },
            BadgeReplies.lookup,
          ).then((reply) => reply ?? null),
        drawBadge: (story, link) => badgeFor(story, link.url),
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
    autoLookup.then((reply) => BadgeReplies.autoLookup().safeParse(reply)),
    ask({ type: 'badge-lookup', headlines: [] }, BadgeReplies.lookup),
  ]);
  const story = found.success ? found.data.data.story : null;
  const heading = mainHeadline(doc, title);
  if (!story || state?.enabled !== true || heading === null || !runtimeAlive()) {
    badges.runtime.stop();
    return;
  }
  const { id, title: storyTitle, sourceCount, distribution } = story;
  heading.append(badges.badgeFor({ storyId: id, title: storyTitle, sourceCount, ...distribution }, pageUrl));
}
