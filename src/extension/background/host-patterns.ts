/**
 * Match patterns as the extension grants host access (`*://*.example.com/*`, `https://host/*`), for
 * checking a page against the sites the reader allowed. Paths are ignored: access is per site.
 */

/**
 * WARNING: decides whether automatic mode applies to a page. Only `*`, http and https schemes
 * match, a `*.` host matches the domain and its subdomains, and anything unparsable matches nothing.
 */
export function patternMatches(pattern: string, url: string): boolean {
  const match = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (match === null || !URL.canParse(url)) return false;
  const [, scheme, host] = match as unknown as [string, string, string];
  const page = new URL(url);
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return false;
  if (scheme !== '*' && `${scheme}:` !== page.protocol) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) {
    const domain = host.slice(2);
    return page.hostname === domain || page.hostname.endsWith(`.${domain}`);
  }
  return page.hostname === host;
}
