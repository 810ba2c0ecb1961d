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
const CHROME = 'nav, footer, [role="navigation"], [role="contentinfo"], [role="menu"], [role="toolbar"]';
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

function isHeadlineText(text: string): boolean {
  if (text.length > MAX_TITLE) return false;
  // Calls to action are short; the test is skipped for the long texts most anchors on a front have.
  if (text.length < 40 && CALL_TO_ACTION.test(text)) return false;
  if (UNSPACED.test(text)) return text.length >= 8;
  return (text.match(/[\p{L}\p{N}]\S*/gu)?.length ?? 0) >= 4;
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
  if (!resolved.includes('?')) return resolved;
  try {
    const url = new URL(resolved);
    for (const name of [...url.searchParams.keys()]) {
      if (TRACKING_PARAM.test(name)) url.searchParams.delete(name);
    }
    return url.href;
  } catch {
    return null;
  }
}

/** The anchor's headline: its heading when it wraps one (card links), else its own text. */
function anchorTitle(anchor: Element): { text: string; headed: boolean } {
  const heading = anchor.querySelector(HEADING);
  if (heading) return { text: normalizeHeadline(elementText(heading)), headed: true };
  const inHeading = anchor.closest(HEADING) !== null;
  const text = normalizeHeadline(elementText(anchor));
  return { text, headed: inHeading };
}

export function findHeadlineLinks(doc: Document, url: string, options: FindOptions = {}): HeadlineLink[] {
  const max = options.max ?? DEFAULT_MAX;
  const pageUrl = resolveHttpUrl(url, url);
  if (!pageUrl) return [];
  const origin = new URL(pageUrl).origin;
  const found: HeadlineLink[] = [];
  const byUrl = new Map<string, { index: number; headed: boolean }>();
  for (const anchor of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const href = anchor.getAttribute('href') ?? '';
    if (href.startsWith('#') || /^(javascript|mailto|tel):/i.test(href)) continue;
    // Image-only links and one-word links are never headlines: drop them before any parsing.
    if ((anchor.textContent ?? '').trim().length < 8) continue;
    const target = linkUrl(href.trim(), origin, pageUrl);
    if (!target || target === pageUrl || urlShape(target) !== 'article') continue;
    const { text, headed } = anchorTitle(anchor);
    if (!isHeadlineText(text)) continue;
    if (!headed && text.length > MAX_UNHEADED_TITLE) continue;
    if (anchor.closest(CHROME)) continue;
    const previous = byUrl.get(target);
    if (previous) {
      // A card often links twice (image, then headline); keep the first place, prefer the heading text.
      const kept = found[previous.index];
      if (kept && headed && !previous.headed) {
        found[previous.index] = { element: anchor, title: text, url: target };
        byUrl.set(target, { index: previous.index, headed });
      }
      continue;
    }
    if (found.length >= max) break;
    byUrl.set(target, { index: found.length, headed });
    found.push({ element: anchor, title: text, url: target });
  }
  return found;
}
