/**
 * Finds the headline links on a front page or an aggregator: anchors whose text is a headline,
 * pointing at article URLs, deduplicated by URL, in document order. Pure: reads the DOM, changes nothing.
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
const MAX_TITLE = 300;
/** A teaser blob (kicker + headline + summary in one anchor) is not one headline. */
const MAX_UNHEADED_TITLE = 180;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const WORD = /[\p{L}\p{N}]/u;

function isHeadlineText(text: string): boolean {
  if (text.length > MAX_TITLE) return false;
  // Calls to action are short; the test is skipped for the long texts most anchors on a front have.
  if (text.length < 40 && CALL_TO_ACTION.test(text)) return false;
  // Four words; the text is normalised, so words are separated by single spaces.
  let words = 0;
  for (const token of text.split(' ')) if (WORD.test(token) && ++words >= 4) return true;
  // Scripts written without spaces: length stands in for the word count.
  return UNSPACED.test(text) && text.length >= 8;
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
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Headline anchors sit in their heading or one or two wrappers below it ("h3 > span > a"). */
const HEADING_DEPTH = 3;

interface PageParts {
  /** Anchors in menus, footers and banners. */
  inChrome: Set<Element>;
  /** Elements with role="heading". */
  roleHeadings: Set<Element>;
}

/**
 * The page's chrome and ARIA headings, from one pass over the elements that have a role and the
 * cached tag lists, instead of a selector-list match on every element or a closest() per anchor.
 */
function pageParts(doc: Document): PageParts {
  const parts: PageParts = { inChrome: new Set(), roleHeadings: new Set() };
  const chrome: Element[] = [];
  for (const tag of CHROME_TAGS) chrome.push(...doc.getElementsByTagName(tag));
  for (const el of doc.querySelectorAll('[role]')) {
    const role = el.getAttribute('role') ?? '';
    if (role === 'heading') parts.roleHeadings.add(el);
    else if (CHROME_ROLES.has(role)) chrome.push(el);
  }
  for (const el of chrome) for (const anchor of el.getElementsByTagName('a')) parts.inChrome.add(anchor);
  return parts;
}

/** Whether the anchor sits in a heading: a few steps up, not a walk to the root per anchor. */
function isInHeading(anchor: Element, roleHeadings: Set<Element>): boolean {
  let el = anchor.parentElement;
  for (let depth = 0; el && depth < HEADING_DEPTH; depth += 1, el = el.parentElement) {
    if (HEADING_TAGS.has(el.tagName.toUpperCase()) || roleHeadings.has(el)) return true;
  }
  return false;
}

export function findHeadlineLinks(doc: Document, url: string, options: FindOptions = {}): HeadlineLink[] {
  const max = options.max ?? DEFAULT_MAX;
  const pageUrl = resolveHttpUrl(url, url);
  if (!pageUrl) return [];
  const origin = new URL(pageUrl).origin;
  const { inChrome, roleHeadings } = pageParts(doc);
  const found: HeadlineLink[] = [];
  const byUrl = new Map<string, { index: number; headed: boolean }>();
  for (const anchor of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (inChrome.has(anchor)) continue;
    const href = (anchor.getAttribute('href') ?? '').trim();
    if (href.startsWith('#') || /^(javascript|mailto|tel):/i.test(href)) continue;
    // Image-only links and one-word links are never headlines: drop them before any parsing.
    if ((anchor.textContent ?? '').trim().length < 8) continue;
    const target = linkUrl(href, origin, pageUrl);
    if (!target || target === pageUrl) continue;
    // A card link wrapping its heading reads as the heading; only anchors with child elements can.
    const heading = anchor.firstElementChild ? anchor.querySelector(HEADING) : null;
    const headed = heading !== null || isInHeading(anchor, roleHeadings);
    const previous = byUrl.get(target);
    // A card often links twice (image, then headline): only a heading can improve on a kept link.
    if (previous && (previous.headed || !headed)) continue;
    if (urlShape(target) !== 'article') continue;
    // The anchor's headline: its heading when it wraps one, else its own text.
    const text = normalizeHeadline(elementText(heading ?? anchor));
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
