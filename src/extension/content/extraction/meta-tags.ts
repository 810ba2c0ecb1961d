/** The page's `<meta>` tags as a lookup table, read once. */

export type MetaTags = ReadonlyMap<string, string>;

/**
 * Keys are the lower-cased `property`, `name` or `itemprop`; the first non-empty value wins, as
 * crawlers do (later duplicates are usually widgets repeating the tag).
 */
export function readMetaTags(doc: Document): MetaTags {
  const tags = new Map<string, string>();
  for (const meta of doc.getElementsByTagName('meta')) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

/** The first of `keys` that the page sets. */
export function firstMeta(tags: MetaTags, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key);
    if (value) return value;
  }
  return null;
}
