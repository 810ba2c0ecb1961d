/**
 * One badge: a host element whose style attribute resets whatever the page sets, a closed shadow
 * root (the page can neither read nor restyle it) with a button (the bar and the count, named
 * with the numbers) and a card shown on hover or focus in the top layer, above any overlay, built
 * when first shown. Clicks on the badge are the badge's own: when it sits inside a block-level link
 * (badge-placement.ts) they neither follow the link nor reach the page's handlers; the link's own
 * clicks are untouched.
 */
import type { BadgeStory } from '../../badge-replies.js';
import { fillCard, type CardActions } from './badge-card.js';
import { CARD_CSS, HOST_STYLE, SHADOW_CSS } from './badge-style.js';
import { SIDES, badgeLabel, shortCount, sideShares, type BadgeWords } from './badge-text.js';

export const BADGE_TAG = 'coverage-lens-badge';
/** Long enough to move the pointer from the badge onto its card. */
const HIDE_DELAY_MS = 250;

/** A style sheet parsed on first use and shared by every badge of the page. */
function sharedSheet(css: string): () => CSSStyleSheet {
  let sheet: CSSStyleSheet | undefined;
  return () => {
    if (sheet === undefined) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    return sheet;
  };
}
const badgeSheet = sharedSheet(SHADOW_CSS);
const cardSheet = sharedSheet(CARD_CSS);
/** The host's declarations, each important, as one text: one style parse per badge. */
const hostCss = HOST_STYLE.map(([property, value]) => `${property}:${value}!important`).join(';');

/** The bar: one element whose background is the split (no rated outlet: the bar's own grey). */
function bar(doc: Document, story: BadgeStory): HTMLSpanElement {
  const shares = sideShares(story);
  const element = doc.createElement('span');
  element.className = 'bar';
  let from = 0;
  const stops = SIDES.map((side) => {
    const to = from + shares[side];
    const stop = `var(--${side}) ${from}% ${to}%`;
    from = to;
    return stop;
  });
  if (from > 0) element.style.backgroundImage = `linear-gradient(to right, ${stops.join(', ')})`;
  return element;
}

export function createBadge(
  doc: Document,
  story: BadgeStory,
  words: BadgeWords,
  actions: CardActions,
): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  // Through the CSSOM, which no page CSP blocks (a style attribute could be).
  host.style.cssText = hostCss;
  const root = host.attachShadow({ mode: 'closed' });
  root.adoptedStyleSheets = [badgeSheet()];
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'badge';
  button.setAttribute('aria-label', badgeLabel(story, words));
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-haspopup', 'dialog');
  // The button's label names it; its contents (the bar, the count) are presentational.
  button.append(bar(doc, story), shortCount(story.sourceCount));
  root.append(button);

  /** Built when first shown: most badges are never opened. */
  let card: HTMLDivElement | undefined;
  /** Escape hands focus back to the button, which must not reopen the card. */
  let refocusing = false;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  const isOpen = () => card !== undefined && !card.hidden;

  function buildCard(): HTMLDivElement {
    const built = doc.createElement('div');
    built.className = 'card';
    built.setAttribute('role', 'dialog');
    built.setAttribute('aria-label', story.title);
    // In the top layer where the browser has it, above any overlay of the page.
    if (typeof built.showPopover === 'function') built.popover = 'manual';
    root.adoptedStyleSheets = [badgeSheet(), cardSheet()];
    fillCard(built, story, words, actions);
    built.addEventListener('pointerenter', show);
    built.addEventListener('pointerleave', hideSoon);
    root.append(built);
    // What closes the card: listened for from its first opening, none of it for the many never opened.
    button.addEventListener('pointerleave', hideSoon);
    root.addEventListener('focusout', (event) => {
      const next = (event as FocusEvent).relatedTarget;
      if (!(next instanceof Node) || !root.contains(next)) hideSoon();
    });
    root.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key !== 'Escape' || !isOpen()) return;
      hide();
      if (root.activeElement !== button) {
        refocusing = true;
        button.focus();
      }
    });
    return built;
  }

  function show() {
    clearTimeout(hideTimer);
    if (isOpen()) return;
    card ??= buildCard();
    card.hidden = false;
    if (card.popover === 'manual' && host.isConnected) card.showPopover();
    const rect = host.getBoundingClientRect();
    const width = Math.min(300, window.innerWidth * 0.9);
    card.style.left = `${Math.max(4, Math.min(rect.left, window.innerWidth - width - 4))}px`;
    card.style.top = `${rect.bottom + 4}px`;
    button.setAttribute('aria-expanded', 'true');
    // Placed once, in the viewport: scrolling the page away from the badge closes the card.
    doc.defaultView?.addEventListener('scroll', hide, { passive: true, once: true });
  }
  function hide() {
    clearTimeout(hideTimer);
    if (card === undefined || card.hidden) return;
    doc.defaultView?.removeEventListener('scroll', hide);
    if (card.matches(':popover-open')) card.hidePopover();
    card.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  }
  const hideSoon = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, HIDE_DELAY_MS);
  };

  button.addEventListener('click', show);
  button.addEventListener('focus', () => {
    if (!refocusing) show();
    refocusing = false;
  });
  button.addEventListener('pointerenter', show);
  // A badge inside a link: its clicks open its card, not the link, and the page's handlers (a
  // router listening on its links) never see them. The card's own links still open.
  root.addEventListener('click', (event) => {
    if (host.closest('a') === null) return;
    event.stopPropagation();
    if (!(event.target instanceof Element && event.target.closest('a'))) event.preventDefault();
  });
  return host;
}
