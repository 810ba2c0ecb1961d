/**
 * The privacy gate's view of the outlet directory (the compact one shipped with the extension):
 * is this page on a known news site, and which host patterns name all known news sites for
 * automatic mode.
 */
import type { DirectoryIndex, DirectoryOutlet } from '../../core/compact-directory.js';

export interface NewsSites {
  /** The known outlet publishing on this page's host, or null (also for non-http(s) URLs). */
  siteOf(url: string): DirectoryOutlet | null;
  /** Host permission patterns covering every known outlet, for "all known news sites". */
  allOriginPatterns(): string[];
}

export function createNewsSites(directory: Pick<DirectoryIndex, 'outlets' | 'resolve'>): NewsSites {
  return {
    siteOf(url) {
      if (!URL.canParse(url)) return null;
      const { protocol, hostname } = new URL(url);
      if (protocol !== 'https:' && protocol !== 'http:') return null;
      return directory.resolve(hostname);
    },
    allOriginPatterns() {
      const domains = new Set(directory.outlets.flatMap((outlet) => outlet.domains.map(siteDomain)));
      return [...domains].sort().map(originPatternOf);
    },
  };
}

/** `www.example.com` → `example.com`: the pattern `*.example.com` then covers both. */
function siteDomain(domain: string): string {
  return domain.toLowerCase().replace(/^www\./, '');
}

/** The host permission pattern for a site and all its subdomains, over http and https. */
export function originPatternOf(domain: string): string {
  return `*://*.${siteDomain(domain)}/*`;
}
