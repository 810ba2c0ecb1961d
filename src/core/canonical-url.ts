/**
 * One spelling per article URL, so the same article shared through different links matches by URL.
 * Pure: used by the server at ingest and lookup and by the extension before a lookup leaves the browser.
 */

/** Query parameters that only track the reader or the campaign, never select the content. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'ocid',
  'cmpid',
  'smid',
  'smtyp',
  'taid',
  'mbid',
  'ito',
  'sr_share',
  'ref_src',
  'ref_url',
  'share',
  'src',
  'rss',
  'track',
  'traffic_source',
]);
const TRACKING_PREFIXES = ['utm_', 'ns_', 'at_', 'pk_', 'mtm_'];

function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * The canonical form of an http(s) URL, or null when the input is not one: lower-case host without a
 * trailing dot, no credentials, default port, fragment or tracking parameters; remaining parameters
 * sorted; no trailing slash except on the root path. The host keeps its `www.`: some sites serve
 * different content without it, and the outlet lookup tries parent domains anyway.
 */
export function canonicalizeUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  url.username = '';
  url.password = '';
  url.hash = '';
  url.hostname = url.hostname.replace(/\.$/, '');
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
    url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  }
  return url.toString();
}

/** The host of an http(s) URL (lower case, no trailing dot), or null. */
export function hostOf(input: string): string | null {
  const canonical = canonicalizeUrl(input);
  return canonical === null ? null : new URL(canonical).hostname;
}
