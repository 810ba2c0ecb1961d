/**
 * What a URL's path says about the page behind it. Article URLs carry an id, a date or a long slug;
 * fronts, sections, tags, authors and searches have short, wordy or query-driven paths.
 */

export type UrlShape = 'root' | 'search' | 'listing' | 'article' | 'unknown';

const LISTING_SEGMENT =
  /^(tags?|topics?|themen?|thema|schlagworte?|category|categories|kategorie|rubrik|section|sections|author|authors|autor|autoren|profile|people|archive|archiv|page|seite|videos?|mediathek|podcasts?|newsletter|live-tv|feed|rss|login|abo|subscribe|account)$/i;
const SEARCH = /(^|\/)(search|suche|recherche|buscar|busqueda|zoeken|sok|haku|ara|検索)(\/|$)/i;
const SEARCH_QUERY = /[?&](q|query|s|search|keyword|keywords|text)=/i;
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
  if (SEARCH.test(path) || SEARCH_QUERY.test(search)) return 'search';
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 0 || /^(index|home|start)(\.\w+)?$/i.test(segments.join('/'))) return 'root';
  if (FILE_LIKE.test(path)) return 'unknown';
  // A tag, author or section prefix makes a listing however long the slug after it.
  if (segments.slice(0, 2).some((s) => LISTING_SEGMENT.test(s))) return 'listing';
  const last = segments[segments.length - 1] ?? '';
  if (
    /\d{5,}/.test(path) ||
    /(^|\/)(19|20)\d{2}[/-](0?[1-9]|1[0-2])([/-]|$)/.test(path) ||
    /\.(s?html?|ece|cms|php|aspx?)$/i.test(last) ||
    /(?:[^/_-]+[-_]+){3}[^/_-]/.test(path)
  ) {
    return 'article';
  }
  if (segments.length <= 2) return 'listing';
  return 'unknown';
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
