/**
 * What a URL's path says about the page behind it. Article URLs carry an id, a date or a long slug;
 * fronts, sections, tags, authors and searches have short, wordy or query-driven paths.
 */

export type UrlShape = 'root' | 'search' | 'listing' | 'article' | 'unknown';

/** Section, tag, author and service paths: a listing when among the first two segments. */
const LISTING_PREFIX =
  /^\/*(?:[^/]+\/+)?(?:tags?|topics?|themen?|thema|schlagworte?|category|categories|kategorie|rubrik|section|sections|author|authors|autor|autoren|profile|people|archive|archiv|page|seite|videos?|mediathek|podcasts?|newsletter|live-tv|feed|rss|login|abo|subscribe|account)(?:\/|$)/i;
/** A search segment anywhere in the path. */
const SEARCH_PATH = /(?:^|\/)(?:search|suche|recherche|buscar|busqueda|zoeken|sok|haku|ara|検索)(?:\/|$)/i;
const HOME = /^(index|home|start)(\.\w+)?$/i;
const SEARCH_QUERY = /[?&](q|query|s|search|keyword|keywords|text)=/i;
/** Four or more words joined by hyphens or underscores: an article's slug. */
const LONG_SLUG = /(?:[^/_-]+[-_]+){3}[^/_-]/;
const SLASH = 47;
const FILE_LIKE = /\.(jpe?g|png|gif|webp|svg|pdf|mp[34]|zip|xml|rss|json|css|js)$/i;

export function urlShape(url: string): UrlShape {
  // String slicing rather than new URL(): the link finder calls this for every anchor on a front.
  const match = /^https?:\/\/[^/?#]*([^?#]*)(\?[^#]*)?/i.exec(url);
  if (!match) return 'unknown';
  return pathShape(match[1] ?? '', match[2] ?? '');
}

/**
 * The shape of a URL path ("/a/b") with its query string ("?q=x" or ""). One regular expression per
 * question over the whole path and one scan for the segments: no arrays, since the link finder asks
 * this for every anchor on a front page.
 */
export function pathShape(rawPath: string, search: string): UrlShape {
  const path = rawPath.includes('%') ? decodeURIComponentSafe(rawPath) : rawPath;
  if (SEARCH_PATH.test(path) || (search && SEARCH_QUERY.test(search))) return 'search';
  // The number of non-empty segments and where the last one lies.
  let segments = 0;
  let lastStart = 0;
  let lastEnd = 0;
  for (let i = 0; i < path.length;) {
    while (i < path.length && path.charCodeAt(i) === SLASH) i += 1;
    const start = i;
    while (i < path.length && path.charCodeAt(i) !== SLASH) i += 1;
    if (i > start) {
      segments += 1;
      lastStart = start;
      lastEnd = i;
    }
  }
  const last = path.slice(lastStart, lastEnd);
  if (segments === 0 || (segments === 1 && HOME.test(last))) return 'root';
  if (FILE_LIKE.test(last)) return 'unknown';
  // A tag, author or section prefix makes a listing however long its name ("/tag/rates-and-banks"),
  // unless a long slug follows the name ("/autoren/jane-doe/why-the-fair-matters-this-year").
  if (LISTING_PREFIX.test(path) && !(segments >= 3 && LONG_SLUG.test(last))) return 'listing';
  if (
    /\d{5,}/.test(path) ||
    /(^|\/)(19|20)\d{2}[/-](0?[1-9]|1[0-2])([/-]|$)/.test(path) ||
    /\.(s?html?|ece|cms|php|aspx?)$/i.test(last) ||
    LONG_SLUG.test(path)
  ) {
    return 'article';
  }
  // "/politics" and "/sport/football" are sections; a hyphenated last segment ("/local/cycle-lanes")
  // may be a short slug or a section ("/news/middle-east"), and one with dots or with letters and
  // digits mixed back and forth ("/p/Xk3mQ9z7", not "/sport/f1") is an id rather than a section's
  // name: no evidence either way.
  if (segments <= 2) return /[-_.]/.test(last) || isIdLike(last) ? 'unknown' : 'listing';
  return 'unknown';
}

function isIdLike(segment: string): boolean {
  return (segment.match(/\p{L}(?=\d)|\d(?=\p{L})/gu)?.length ?? 0) >= 2;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
