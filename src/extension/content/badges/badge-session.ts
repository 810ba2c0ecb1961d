/**
 * Badges on a listing page, for as long as the page lives: headline links are found a pass at a
 * time from the top of the page, the next pass (going on where the last stopped) when the reader
 * nears the last link found, then in the subtrees the page adds; each is looked up only when it
 * comes near the viewport, at most 50 in one message, at most `maxLinks` per page view, one lookup
 * per canonical URL, and its badge drawn in the next animation frame. Everything is undone by
 * `stop()`: observers disconnected, badges removed.
 */
import {
  headlineLinkFinder,
  type HeadlineLink,
  type HeadlineLinkFinder,
} from '../extraction/find-headline-links.js';
import { BADGE_TAG } from './badge-element.js';
import { badgeSpot, placeBadge } from './badge-placement.js';
import { findHeadlinesIn, scanRoots } from './headline-scan.js';

export interface BadgeSessionOptions {
  /** Headline links followed per page view. */
  maxLinks: number;
  /** Links per lookup message (the API's batch). */
  batchSize: number;
  /** How far outside the viewport a link is looked up ahead of scrolling. */
  rootMargin: string;
  /** Headline links the first pass looks for (a front page's first screens hold fewer); each next pass doubles it. */
  passLinks: number;
  /** How long the page's changes are gathered before their added parts are scanned. */
  debounceMs: number;
}

export const DEFAULT_SESSION_OPTIONS: BadgeSessionOptions = {
  maxLinks: 300,
  batchSize: 50,
  rootMargin: '600px 0px',
  passLinks: 40,
  debounceMs: 150,
};

/** What the session needs from its page, `T` being what a badge is drawn from (a story). */
export interface BadgeSessionDeps<T> {
  /** One answer per link (null: no badge); `enabled: false` ends the session. */
  lookUp(links: readonly HeadlineLink[]): Promise<{ enabled: boolean; stories: (T | null)[] } | null>;
  /** Whether the background takes `link` in a lookup; the session follows no other. */
  canAsk(link: HeadlineLink): boolean;
  /** The badge's host element for a story, to draw beside `link`. */
  drawBadge(story: T, link: HeadlineLink): HTMLElement;
  /** False once the extension is gone; the session then stops itself. */
  alive(): boolean;
}

interface Tracked {
  link: HeadlineLink;
  host?: HTMLElement;
}

export interface BadgeSession {
  stop(): void;
}

export function startBadgeSession<T>(
  doc: Document,
  deps: BadgeSessionDeps<T>,
  options: BadgeSessionOptions = DEFAULT_SESSION_OPTIONS,
): BadgeSession {
  /** By canonical URL: the link followed for it in this page view. */
  const tracked = new Map<string, Tracked>();
  /** Answers already had, by URL: a link seen again (re-rendered, route revisited) asks nothing. */
  const answers = new Map<string, T | null>();
  const queue: Tracked[] = [];
  const added: Node[] = [];
  let asking = false;
  let stopped = false;
  let scanTimer: ReturnType<typeof setTimeout> | undefined;
  /** The page's headline links from the top, a pass at a time, each going on where the last stopped. */
  let finder: HeadlineLinkFinder | undefined;
  /** Headline links the passes so far asked for, and how many they found. */
  let reach = 0;
  let reached = 0;
  /** The last link of a full pass: when it nears the viewport, the next pass runs. */
  let frontier: Element | undefined;
  /** Answered links waiting for the next frame to draw their badges in. */
  const toDraw = new Map<Tracked, T>();
  let frame: number | undefined;

  const draw = (entry: Tracked, story: T | null) => {
    if (story === null) return;
    toDraw.set(entry, story);
    frame ??= requestAnimationFrame(drawWaiting);
  };

  /** Draws in a frame of their own, all places read before any badge goes in: one style pass. */
  function drawWaiting() {
    frame = undefined;
    const batch = [...toDraw]
      .filter(([entry]) => entry.link.element.isConnected && entry.host === undefined)
      .map(([entry, story]) => ({ entry, story, spot: badgeSpot(entry.link.element) }));
    toDraw.clear();
    for (const { entry, story, spot } of batch) {
      entry.host = deps.drawBadge(story, entry.link);
      placeBadge(entry.host, spot);
    }
    // The page's changes were delivered at the checkpoint before this callback, so the records
    // waiting are the badges going in, which the observer would skip: dropped, no callback for them.
    changes.takeRecords();
  }

  const byElement = new WeakMap<Element, Tracked>();
  const visibility = new IntersectionObserver(
    (entries) => {
      if (!deps.alive()) return stop();
      for (const { isIntersecting, target } of entries) {
        if (!isIntersecting) continue;
        visibility.unobserve(target);
        const entry = byElement.get(target);
        if (entry) queue.push(entry);
      }
      void ask();
    },
    { rootMargin: options.rootMargin },
  );

  // Scanning the whole page at load cost a 1,000-link front page most of its badge time (issue #6).
  const nearEnd = new IntersectionObserver(
    (entries) => {
      // Also when the reader is already past it (a reload keeps the scroll position).
      if (entries.some((entry) => entry.isIntersecting || entry.boundingClientRect.bottom < 0)) nextPass();
    },
    { rootMargin: options.rootMargin },
  );

  function nextPass() {
    if (stopped) return;
    if (frontier !== undefined) nearEnd.unobserve(frontier);
    frontier = undefined;
    if (tracked.size >= options.maxLinks) return;
    // Doubling keeps a reader far down the page to a few passes, each going on where the last stopped.
    reach = Math.min(options.maxLinks, reach === 0 ? options.passLinks : reach * 2);
    finder ??= headlineLinkFinder(doc, doc.location?.href ?? doc.URL);
    const links = finder.next(reach - reached);
    reached += links.length;
    follow(links);
    const last = links.at(-1);
    // A pass that found fewer than it asked for reached the end of the page.
    if (reached === reach && reach < options.maxLinks && last !== undefined) {
      frontier = last.element;
      nearEnd.observe(frontier);
    }
  }

  function follow(links: readonly HeadlineLink[]) {
    for (const link of links) {
      if (!deps.canAsk(link)) continue;
      const known = tracked.get(link.url);
      if (known?.link.element.isConnected) continue;
      if (known === undefined && tracked.size >= options.maxLinks) break;
      const entry: Tracked = { link };
      tracked.set(link.url, entry);
      if (answers.has(link.url)) draw(entry, answers.get(link.url) ?? null);
      else {
        byElement.set(link.element, entry);
        visibility.observe(link.element);
      }
    }
  }

  async function ask() {
    if (asking || stopped) return;
    const batch = queue.splice(0, options.batchSize).filter((entry) => entry.link.element.isConnected);
    if (batch.length === 0) return;
    asking = true;
    const reply = await deps.lookUp(batch.map((entry) => entry.link));
    asking = false;
    if (stopped) return;
    // No answer (the API is down, the worker busy): these links stay without badges, the rest go on.
    if (reply === null) return deps.alive() ? void ask() : stop();
    if (!reply.enabled) return stop();
    batch.forEach((entry, i) => {
      const story = reply.stories[i] ?? null;
      answers.set(entry.link.url, story);
      draw(entry, story);
    });
    void ask();
  }

  /** Drops links the page removed (their badges with them), so a new page view has its own cap. */
  function forgetRemoved() {
    for (const [url, entry] of tracked) {
      if (entry.link.element.isConnected) continue;
      entry.host?.remove();
      visibility.unobserve(entry.link.element);
      tracked.delete(url);
    }
  }

  function scanAdded() {
    scanTimer = undefined;
    if (!deps.alive()) return stop();
    const roots = scanRoots(added.splice(0));
    forgetRemoved();
    const pageUrl = doc.location?.href ?? doc.URL;
    for (const root of roots) {
      if (tracked.size >= options.maxLinks) break;
      follow(findHeadlinesIn(root, pageUrl, options.maxLinks - tracked.size));
    }
    // The page re-rendered the link a pass ended on: go on from where the page now is.
    if (frontier !== undefined && !frontier.isConnected) nextPass();
  }

  const isBadge = (node: Node) => node instanceof Element && node.localName === BADGE_TAG;
  const changes = new MutationObserver((records) => {
    let changed = false;
    for (const record of records) {
      changed ||= record.removedNodes.length > 0;
      // Our own badges going in are no change of the page's: no scan, no sweep of the links.
      for (const node of record.addedNodes) {
        if (isBadge(node)) continue;
        added.push(node);
        changed = true;
      }
    }
    // Changes are gathered for a moment and scanned together; a page that never stops changing
    // (a ticker) still gets its additions scanned.
    if (changed) scanTimer ??= setTimeout(scanAdded, options.debounceMs);
  });
  changes.observe(doc.documentElement, { childList: true, subtree: true });
  // The first scan in a task of its own, apart from the page reading that decided on it.
  const firstScan = setTimeout(nextPass, 0);

  function stop() {
    if (stopped) return;
    stopped = true;
    clearTimeout(scanTimer);
    clearTimeout(firstScan);
    if (frame !== undefined) cancelAnimationFrame(frame);
    toDraw.clear();
    changes.disconnect();
    visibility.disconnect();
    nearEnd.disconnect();
    for (const entry of tracked.values()) entry.host?.remove();
    tracked.clear();
    queue.length = 0;
    added.length = 0;
  }

  return { stop };
}
