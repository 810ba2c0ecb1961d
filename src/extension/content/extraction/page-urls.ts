/** The page's own URL as it declares it: canonical link, og:url or JSON-LD, resolved and http(s) only. */

/** Absolute http(s) URL without its fragment, or null. */
export function resolveHttpUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const resolved = new URL(href.trim(), base);
    if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return null;
    resolved.hash = '';
    return resolved.href;
  } catch {
    return null;
  }
}

export function canonicalUrlOf(doc: Document, url: string, ...declared: (string | null)[]): string | null {
  const link = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  for (const candidate of [link, ...declared]) {
    const resolved = resolveHttpUrl(candidate, url);
    if (resolved) return resolved;
  }
  return resolveHttpUrl(url, url);
}
