/**
 * Sites as the reader switches inline badges on and off: a host name without `www.`, covering its
 * subdomains, so a switch made on `www.example.com` also holds on `example.com` and `news.example.com`.
 */

/** `www.Example.com` → `example.com`. */
export function badgeSiteOf(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/** A host permission pattern (`*://*.example.com/*`) → `example.com`; null for `*` hosts. */
export function badgeSiteOfPattern(pattern: string): string | null {
  const host = /^[^:]+:\/\/(?:\*\.)?([^/*]+)\//.exec(pattern)?.[1];
  return host === undefined ? null : badgeSiteOf(host);
}

/** Whether badges are off on `hostname`: it is one of `offSites` or a subdomain of one. */
export function badgesOffOn(hostname: string, offSites: readonly string[]): boolean {
  const host = badgeSiteOf(hostname);
  return offSites.some((site) => host === site || host.endsWith(`.${site}`));
}
