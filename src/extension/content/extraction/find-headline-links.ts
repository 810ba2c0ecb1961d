/**
 * Finds the headline links on a front page or an aggregator: anchors whose text is a headline,
 * pointing at article URLs, deduplicated by URL, in document order. Scans a whole document or one
 * subtree of it (what a page added later), in one go or a batch at a time. Pure: reads the DOM,
 * changes nothing.
 */
import { normalizeHeadline } from '../../../core/headline-normalize.js';
import { elementText } from './element-text.js';
import { resolveHttpUrl } from './page-urls.js';
import { urlShape } from './url-shape.js';

export interface HeadlineLink {
  /** The anchor to draw a badge beside. */
  element: HTMLAnchorElement;
  title: string;
  /** Absolute, without fragment or tracking parameters. */
  url: string;
}

export interface FindOptions {
  /** At most this many links (a lookup batch is 50). */
  max?: number;
}

const DEFAULT_MAX = 50;
/** Menus, footers and banners hold section links, not headlines. */
const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
/** Calls to action in the languages of the outlet directory; they point at articles but are not headlines. */
const CALL_TO_ACTION =
  /^(read|continue|show|see|view|watch|listen|load)( the)? (more|full|all|story|article|now|live|video)\b|^(more|mehr|weiterlesen|lire la suite|leer más|leia mais|läs mer|les mer|læs mere|lees meer|czytaj dalej|devamını oku|続きを読む|더보기|阅读全文)\b/i;
const TRACKING_PARAM =
  /^(utm_\w+|fbclid|gclid|ocid|ref|ref_src|cmpid|icid|ico|mc_cid|mc_eid|at_\w+|xtor|wt_mc)$/i;
/** Schemes of links that lead to no page. */
const NOT_A_PAGE = /^(?:javascript|mailto|tel):/i;
const MAX_TITLE = 300;
/** A teaser blob (kicker + headline + summary in one anchor) is not one headline. */
const MAX_UNHEADED_TITLE = 180;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = 32;

function isHeadlineText(text: string): boolean {
  if (text.length > MAX_TITLE) return false;
  // Calls to action are short; the test is skipped for the long texts most anchors on a front have.
  if (text.length < 40 && CALL_TO_ACTION.test(text)) return false;
  if (countWords(text, 4) >= 4) return true;
  // Scripts written without spaces: length stands in for the word count.
  return UNSPACED.test(text) && text.length >= 8;
}

/**
 * Space-separated tokens holding a letter or digit, counted up to `enough`. A scan of the normalised
 * text (words one space apart) instead of a split and a Unicode test per token.
 */
function countWords(text: string, enough: number): number {
  let words = 0;
  let counted = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === SPACE) {
      counted = false;
    } else if (!counted && isWordCode(code, text, i)) {
      counted = true;
      if (++words >= enough) break;
    }
  }
  return words;
}

function isWordCode(code: number, text: string, i: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return WORD.test(String.fromCodePoint(text.codePointAt(i) ?? code));
}

/** The query string without tracking parameters ("" or "?a=1"), by string: no URL object per link. */
function withoutTracking(query: string): string {
  const kept = query
    .slice(1)
    .split('&')
    .filter(
      (pair) => pair && !TRACKING_PARAM.test(pair.slice(0, (pair.indexOf('=') + 1 || pair.length + 1) - 1)),
    );
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

/**
 * The link target without fragment or tracking parameters, so repeats of a story collapse. Root-relative
 * and absolute http(s) links, nearly all of them, are resolved by string; the rest by the URL parser.
 */
function linkUrl(href: string, origin: string, base: string): string | null {
  let resolved: string | null;
  if (href.startsWith('/') && !href.startsWith('//')) resolved = origin + href;
  else if (/^https?:\/\//i.test(href)) resolved = href;
  else resolved = resolveHttpUrl(href, base);
  if (!resolved) return null;
  const hash = resolved.indexOf('#');
  if (hash >= 0) resolved = resolved.slice(0, hash);
  const query = resolved.indexOf('?');
  return query < 0 ? resolved : resolved.slice(0, query) + withoutTracking(resolved.slice(query));
}

/** Where an element sits: in the page's chrome (menus, footers, banners), in a heading. */
const IN_CHROME = 1;
const IN_HEADING = 2;
const CHROME_TAGS = new Set(['nav', 'footer']);
const CHROME_ROLES = new Set(['navigation', 'contentinfo', 'menu', 'toolbar']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function ownPlace(element: Element): number {
  const tag = element.localName;
  if (CHROME_TAGS.has(tag)) return IN_CHROME;
  if (HEADING_TAGS.has(tag)) return IN_HEADING;
  const role = element.getAttribute('role');
  if (role === null) return 0;
  if (role === 'heading') return IN_HEADING;
  return CHROME_ROLES.has(role) ? IN_CHROME : 0;
}

/**
 * Where the elements above `element` put it, walking up only to the first ancestor already placed:
 * the anchors of one card or one list share all but a step or two of their ancestors, so a scan
 * costs about one step per anchor, and a pass over the page's first links nothing for the rest.
 */
function placeOf(element: Element, places: Map<Element, number>): number {
  const unplaced: Element[] = [];
  let place = 0;
  for (let node: Element | null = element; node !== null; node = node.parentElement) {
    const known = places.get(node);
    if (known !== undefined) {
      place = known;
      break;
    }
    unplaced.push(node);
  }
  for (let i = unplaced.length - 1; i >= 0; i -= 1) {
    const node = unplaced[i] as Element;
    place |= ownPlace(node);
    places.set(node, place);
  }
  return place;
}

/** The headline links below a root, a batch at a time, each batch going on where the last stopped. */
export interface HeadlineLinkFinder {
  /** Up to `max` more headline links, in document order; fewer once the root's anchors run out. */
  next(max: number): HeadlineLink[];
}

/**
 * A finder over the anchors below `root` (a document, or an element for the subtree it heads) of
 * the page at `url`. It walks the root's live list of anchors, so a page read in passes (badges
 * look at the first screens first) costs about what one scan of the whole page costs.
 */
export function headlineLinkFinder(root: Document | Element, url: string): HeadlineLinkFinder {
  const resolved = resolveHttpUrl(url, url);
  if (!resolved) return { next: () => [] };
  const pageUrl = resolved;
  const origin = new URL(pageUrl).origin;
  const anchors = root.getElementsByTagName('a');
  /** The next anchor to look at, and the one before it, to find the place again if the page moved it. */
  let index = 0;
  let lastSeen: Element | undefined;
  /** Every URL given, and whether its link is a heading's (nothing improves on that). */
  const given = new Map<string, boolean>();

  /** Where to go on: after the last anchor looked at, wherever the page's changes have put it. */
  function resume(): number {
    if (lastSeen === undefined || anchors[index - 1] === lastSeen) return index;
    // Gone (-1): from the top again; the URLs already given are not given twice.
    return (Array.prototype.indexOf.call(anchors, lastSeen) as number) + 1;
  }

  function next(max: number): HeadlineLink[] {
    const places = new Map<Element, number>();
    const found: HeadlineLink[] = [];
    /** This batch's links by URL, with their index in `found`. */
    const batch = new Map<string, number>();
    // Anchor by anchor, never asking the list's length: that would walk the whole page at once.
    for (index = resume(); ; index += 1) {
      const anchor = anchors.item(index);
      if (anchor === null) break;
      const href = anchor.getAttribute('href')?.trim();
      if (href === undefined || href.startsWith('#') || NOT_A_PAGE.test(href)) continue;
      // Image-only links and one-word links are never headlines: drop them before any parsing.
      const ownText = anchor.textContent ?? '';
      if (ownText.length < 8 || ownText.trim().length < 8) continue;
      const target = linkUrl(href, origin, pageUrl);
      if (!target || target === pageUrl) continue;
      const earlier = given.get(target);
      // A card often links twice (image, then headline): only a heading can improve on a kept link,
      // and only on one of this batch (the links of earlier batches are already drawn).
      const at = batch.get(target);
      if (earlier === true || (earlier === false && at === undefined)) continue;
      const place = anchor.parentElement === null ? 0 : placeOf(anchor.parentElement, places);
      if (place & IN_CHROME) continue;
      // A card link wrapping its heading reads as the heading; only anchors with child elements can.
      const hasChildren = anchor.firstElementChild !== null;
      const heading = hasChildren ? anchor.querySelector(HEADING) : null;
      const headed = heading !== null || (place & IN_HEADING) !== 0;
      if (earlier === false && !headed) continue;
      if (urlShape(target) !== 'article') continue;
      // The anchor's headline: its heading when it wraps one, else its own text.
      const text = normalizeHeadline(
        heading ? elementText(heading) : hasChildren ? elementText(anchor) : ownText,
      );
      if (!isHeadlineText(text)) continue;
      if (!headed && text.length > MAX_UNHEADED_TITLE) continue;
      const link = { element: anchor, title: text, url: target };
      if (at !== undefined) {
        // Keep the first place in the document, with the heading's text.
        found[at] = link;
      } else {
        if (found.length >= max) break;
        batch.set(target, found.length);
        found.push(link);
      }
      given.set(target, headed);
    }
    lastSeen = index > 0 ? anchors[index - 1] : undefined;
    return found;
  }

  return { next };
}

/** The headline links below `root` (a document, or an element for the subtree it heads) of the page at `url`. */
export function findHeadlineLinks(
  root: Document | Element,
  url: string,
  options: FindOptions = {},
): HeadlineLink[] {
  return headlineLinkFinder(root, url).next(options.max ?? DEFAULT_MAX);
}
