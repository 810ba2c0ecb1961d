/** The page's `<meta>` tags as a lookup table, read once. */

export type MetaTags = ReadonlyMap<string, string>;

/** Attributes a <meta> carries besides its content; data-* ones are left alone too. */
const META_ATTRIBUTES = new Set([
  'name',
  'property',
  'itemprop',
  'http-equiv',
  'charset',
  'id',
  'class',
  'lang',
  'dir',
  'scheme',
  'media',
  'key',
  'vmid',
  'hid',
]);

/**
 * Whether the page wrote a double quote unescaped inside content="…": the value ends at that quote
 * and the rest of the text becomes empty attributes (`royaler=""`), so the value was cut short.
 */
function cutAtQuote(meta: Element): boolean {
  let afterContent = false;
  for (const attr of meta.attributes) {
    if (attr.name === 'content') afterContent = true;
    else if (
      afterContent &&
      attr.value === '' &&
      !META_ATTRIBUTES.has(attr.name) &&
      !attr.name.startsWith('data-')
    )
      return true;
  }
  return false;
}

/**
 * Keys are the lower-cased `property`, `name` or `itemprop`; the first non-empty value wins, as
 * crawlers do (later duplicates are usually widgets repeating the tag). A value cut at a stray quote
 * ends in "…", as a title the CMS shortened does.
 */
export function readMetaTags(doc: Document): MetaTags {
  const tags = new Map<string, string>();
  for (const meta of doc.getElementsByTagName('meta')) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    const value = cutAtQuote(meta) ? `${content}…` : content;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, value);
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
