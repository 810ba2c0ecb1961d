/**
 * One badge: a host element whose style attribute resets whatever the page sets, a closed shadow
 * root (the page can neither read nor restyle it) with a button (the bar and the count, named
 * with the numbers) and a card shown on hover or focus in the top layer, above any overlay.
 * The host sits beside the link, never inside it, and stops no event: the link's click is the page's.
 */
import type { BadgeStory } from '../../badge-messages.js';
import { fillCard, type CardActions } from './badge-card.js';
import { HOST_STYLE, SHADOW_CSS } from './badge-style.js';
import { SIDES, badgeLabel, shortCount, sideShares, type BadgeWords } from './badge-text.js';

export const BADGE_TAG = 'coverage-lens-badge';
/** Long enough to move the pointer from the badge onto its card. */
const HIDE_DELAY_MS = 250;

let sheet: CSSStyleSheet | undefined;
const styleSheet = () => {
  if (sheet === undefined) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(SHADOW_CSS);
  }
  return sheet;
};

function bar(doc: Document, story: BadgeStory): HTMLSpanElement {
  const shares = sideShares(story);
  const element = doc.createElement('span');
  element.className = 'bar';
  element.setAttribute('aria-hidden', 'true');
  for (const side of SIDES) {
    const segment = doc.createElement('span');
    segment.className = side;
    segment.style.width = `${shares[side]}%`;
    element.append(segment);
  }
  return element;
}

export function createBadge(
  doc: Document,
  story: BadgeStory,
  words: BadgeWords,
  actions: CardActions,
): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  root.adoptedStyleSheets = [styleSheet()];
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'badge';
  button.setAttribute('aria-label', badgeLabel(story, words));
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-haspopup', 'dialog');
  const count = doc.createElement('span');
  count.setAttribute('aria-hidden', 'true');
  count.textContent = shortCount(story.sourceCount);
  button.append(bar(doc, story), count);
  const card = doc.createElement('div');
  card.className = 'card';
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', story.title);
  card.hidden = true;
  root.append(button, card);

  let filled = false;
  /** Escape hands focus back to the button, which must not reopen the card. */
  let refocusing = false;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  const inTopLayer = typeof card.showPopover === 'function';
  if (inTopLayer) card.popover = 'manual';

  function show() {
    clearTimeout(hideTimer);
    if (!card.hidden) return;
    if (!filled) {
      filled = true;
      fillCard(card, story, words, actions);
    }
    card.hidden = false;
    if (inTopLayer && host.isConnected) card.showPopover();
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
    if (card.hidden) return;
    doc.defaultView?.removeEventListener('scroll', hide);
    if (inTopLayer && card.matches(':popover-open')) card.hidePopover();
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
  for (const part of [button, card]) {
    part.addEventListener('pointerenter', show);
    part.addEventListener('pointerleave', hideSoon);
  }
  root.addEventListener('focusout', (event) => {
    const next = (event as FocusEvent).relatedTarget;
    if (!(next instanceof Node) || !root.contains(next)) hideSoon();
  });
  root.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key !== 'Escape' || card.hidden) return;
    hide();
    if (root.activeElement !== button) {
      refocusing = true;
      button.focus();
    }
  });
  return host;
}
