/**
 * What a URL's path says about the page behind it. Article URLs carry an id, a date or a long slug;
 * fronts, sections, tags, authors and searches have short, wordy or query-driven paths.
 */

export type UrlShape = 'root' | 'search' | 'listing' | 'article' | 'unknown';

const LISTING_SEGMENT =
  /^(tags?|topics?|themen?|thema|schlagworte?|category|categories|kategorie|rubrik|section|sections|author|authors|autor|autoren|profile|people|archive|archiv|page|seite|videos?|mediathek|podcasts?|newsletter|live-tv|feed|rss|login|abo|subscribe|account)$/i;
const SEARCH_SEGMENT = /^(search|suche|recherche|buscar|busqueda|zoeken|sok|haku|ara|検索)$/i;
const HOME = /^(index|home|start)(\.\w+)?$/i;
const SEARCH_QUERY = /[?&](q|query|s|search|keyword|keywords|text)=/i;
/** Four or more words joined by hyphens or underscores: an article's slug. */
const LONG_SLUG = /(?:[^/_-]+[-_]+){3}[^/_-]/;
const FILE_LIKE = /\.(jpe?g|png|gif|webp|svg|pdf|mp[34]|zip|xml|rss|json|css|js)$/i;

export function urlShape(url: string): UrlShape {
  // String slicing rather than new URL(): the link finder calls this for every anchor on a front.
  const match = /^https?:\/\/[^/?#]*([^?#]*)(\?[^#]*)?/i.exec(url);
  if (!match) return 'unknown';
  return pathShape(match[1] ?? '', match[2] ?? '');
}

/** The shape of a URL path ("/a/b") with its query string ("?q=x" or ""). */
export function pathShape(rawPath: string, search: string): UrlShape {
  const path = rawPath.includes('%') ? decodeURIComponentSafe(rawPath) : rawPath;
  const segments = path.split('/').filter(Boolean);
  if (segments.some((s) => SEARCH_SEGMENT.test(s)) || (search && SEARCH_QUERY.test(search))) return 'search';
  if (segments.length === 0 || (segments.length === 1 && HOME.test(segments[0] ?? ''))) return 'root';
  const last = segments[segments.length - 1] ?? '';
  if (FILE_LIKE.test(last)) return 'unknown';
  // A tag, author or section prefix makes a listing however long its name ("/tag/rates-and-banks"),
  // unless a long slug follows the name ("/autoren/jane-doe/why-the-fair-matters-this-year").
  if (
    segments.slice(0, 2).some((s) => LISTING_SEGMENT.test(s)) &&
    !(segments.length >= 3 && LONG_SLUG.test(last))
  )
    return 'listing';
  if (
    /\d{5,}/.test(path) ||
    /(^|\/)(19|20)\d{2}[/-](0?[1-9]|1[0-2])([/-]|$)/.test(path) ||
    /\.(s?html?|ece|cms|php|aspx?)$/i.test(last) ||
    LONG_SLUG.test(path)
  ) {
    return 'article';
  }
  // "/politics" and "/sport/football" are sections; a hyphenated last segment ("/local/cycle-lanes")
  // may be a short slug or a section ("/news/middle-east"): no evidence either way.
  if (segments.length <= 2) return /[-_]/.test(last) ? 'unknown' : 'listing';
  return 'unknown';
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
