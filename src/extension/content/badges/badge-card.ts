/**
 * The card a badge opens on hover or focus: the story's title, its split with numbers, three other
 * outlets' takes from different sides, "open full coverage", and the site's badge switch.
 * WARNING: renders page and API text. Every string goes in as text (`textContent`), links only
 * when https, so nothing from a page or the API can become markup or script.
 */
import { httpsUrlOf } from '../../../core/https-url.js';
import type { BadgeStory, BadgeTake } from '../../badge-replies.js';
import { SIDES, type BadgeWords } from './badge-text.js';
import { message } from '../extension-runtime.js';

export interface CardActions {
  /** The other takes, fetched when the card first opens; null when they cannot be had. */
  loadTakes(): Promise<BadgeTake[] | null>;
  openCoverage(): void;
  turnOffSite(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function takeItem(doc: Document, take: BadgeTake, words: BadgeWords): HTMLLIElement {
  const item = el(doc, 'li', '');
  const outlet = el(doc, 'span', 'outlet');
  outlet.append(el(doc, 'span', `swatch ${take.side}`), `${take.outlet} · ${words.side(take.side)}`);
  item.append(outlet);
  const url = httpsUrlOf(take.url);
  if (url === null) {
    item.append(el(doc, 'span', '', take.title));
    return item;
  }
  const link = el(doc, 'a', '', take.title);
  link.href = url;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  item.append(link);
  return item;
}

/** Builds the card's content into `card` (an empty element of the badge's shadow tree). */
export function fillCard(
  card: HTMLElement,
  story: BadgeStory,
  words: BadgeWords,
  actions: CardActions,
): void {
  const doc = card.ownerDocument;
  card.append(el(doc, 'p', 'title', story.title));
  const split = el(doc, 'ul', 'split');
  for (const side of [...SIDES, 'unrated'] as const) {
    if (side === 'unrated' && story.unrated === 0) continue;
    const item = el(doc, 'li', '');
    item.append(el(doc, 'span', `swatch ${side}`), `${words.side(side)} ${story[side]}`);
    split.append(item);
  }
  card.append(split, el(doc, 'p', 'takes-heading', message('badgeOtherTakes')));
  const takes = el(doc, 'ul', 'takes');
  takes.setAttribute('aria-busy', 'true');
  card.append(takes);
  void actions.loadTakes().then((loaded) => {
    takes.removeAttribute('aria-busy');
    if (loaded === null || loaded.length === 0) takes.append(el(doc, 'li', '', message('badgeNoTakes')));
    else for (const take of loaded) takes.append(takeItem(doc, take, words));
  });
  const open = el(doc, 'button', '', message('badgeOpenCoverage'));
  open.type = 'button';
  open.addEventListener('click', () => actions.openCoverage());
  const toggle = el(doc, 'button', '', message('badgeSiteSwitch'));
  toggle.type = 'button';
  toggle.setAttribute('role', 'switch');
  toggle.setAttribute('aria-checked', 'true');
  toggle.addEventListener('click', () => {
    toggle.setAttribute('aria-checked', 'false');
    actions.turnOffSite();
  });
  const row = el(doc, 'div', 'actions');
  row.append(open, toggle);
  card.append(row);
}
