/**
 * Finds the headline links on a front page or an aggregator: anchors whose text is a headline,
 * pointing at article URLs, deduplicated by URL, in document order. Scans a whole document or one
 * subtree of it (what a page added later). Pure: reads the DOM, changes nothing.
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

const CHROME_TAGS = ['nav', 'footer'];
const CHROME_ROLES = new Set(['navigation', 'contentinfo', 'menu', 'toolbar']);
const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** The chrome tags and roles as one selector, to test a subtree's ancestors. */
const CHROME = [...CHROME_TAGS, ...[...CHROME_ROLES].map((role) => `[role="${role}"]`)].join(', ');

interface PageParts {
  /** Anchors in menus, footers and banners. */
  inChrome: Set<Element>;
  /** Anchors inside a heading element or an element with role="heading". */
  inHeading: Set<Element>;
}

/**
 * The anchors in the page's chrome and in its headings, from the cached tag lists and one pass over
 * the elements that have a role, instead of a walk up the tree or a closest() per anchor. A subtree
 * inside a heading (which the lists below it cannot show) puts all its anchors there.
 */
function pageParts(root: Document | Element): PageParts {
  const parts: PageParts = { inChrome: new Set(), inHeading: new Set() };
  if ('closest' in root && root.closest(HEADING) !== null) addAnchors(parts.inHeading, root);
  for (const tag of CHROME_TAGS)
    for (const el of root.getElementsByTagName(tag)) addAnchors(parts.inChrome, el);
  for (const tag of HEADING_TAGS)
    for (const el of root.getElementsByTagName(tag)) addAnchors(parts.inHeading, el);
  for (const el of root.querySelectorAll('[role]')) {
    const role = el.getAttribute('role') ?? '';
    if (role === 'heading') addAnchors(parts.inHeading, el);
    else if (CHROME_ROLES.has(role)) addAnchors(parts.inChrome, el);
  }
  return parts;
}

function addAnchors(anchors: Set<Element>, container: Element): void {
  for (const anchor of container.getElementsByTagName('a')) anchors.add(anchor);
}

/** The headline links below `root` (a document, or an element for the subtree it heads) of the page at `url`. */
export function findHeadlineLinks(
  root: Document | Element,
  url: string,
  options: FindOptions = {},
): HeadlineLink[] {
  const max = options.max ?? DEFAULT_MAX;
  const pageUrl = resolveHttpUrl(url, url);
  if (!pageUrl) return [];
  // A subtree inside a menu or footer holds no headlines, as the same anchors would not in the page.
  if ('closest' in root && root.closest(CHROME) !== null) return [];
  const origin = new URL(pageUrl).origin;
  const { inChrome, inHeading } = pageParts(root);
  const found: HeadlineLink[] = [];
  const byUrl = new Map<string, { index: number; headed: boolean }>();
  for (const anchor of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (inChrome.has(anchor)) continue;
    const href = (anchor.getAttribute('href') ?? '').trim();
    if (href.startsWith('#') || NOT_A_PAGE.test(href)) continue;
    // Image-only links and one-word links are never headlines: drop them before any parsing.
    const ownText = anchor.textContent ?? '';
    if (ownText.length < 8 || ownText.trim().length < 8) continue;
    const target = linkUrl(href, origin, pageUrl);
    if (!target || target === pageUrl) continue;
    // A card link wrapping its heading reads as the heading; only anchors with child elements can.
    const hasChildren = anchor.firstElementChild !== null;
    const heading = hasChildren ? anchor.querySelector(HEADING) : null;
    const headed = heading !== null || inHeading.has(anchor);
    const previous = byUrl.get(target);
    // A card often links twice (image, then headline): only a heading can improve on a kept link.
    if (previous && (previous.headed || !headed)) continue;
    if (urlShape(target) !== 'article') continue;
    // The anchor's headline: its heading when it wraps one, else its own text.
    const text = normalizeHeadline(
      heading ? elementText(heading) : hasChildren ? elementText(anchor) : ownText,
    );
    if (!isHeadlineText(text)) continue;
    if (!headed && text.length > MAX_UNHEADED_TITLE) continue;
    const link = { element: anchor, title: text, url: target };
    if (previous) {
      // Keep the first place in the document, with the heading's text.
      found[previous.index] = link;
      byUrl.set(target, { index: previous.index, headed });
    } else {
      if (found.length >= max) break;
      byUrl.set(target, { index: found.length, headed });
      found.push(link);
    }
  }
  return found;
}
