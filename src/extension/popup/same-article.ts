/** Whether two URLs name the same article: same canonical URL, whatever the scheme or a `www.`. */
import { canonicalizeUrl } from '../../core/canonical-url.js';

export function isSameArticle(a: string | null | undefined, b: string | null | undefined): boolean {
  return sameArticleAs(b)(a);
}

/** A test for "the same article as `url`", which canonicalizes `url` once for a whole list. */
export function sameArticleAs(url: string | null | undefined): (other: string | null | undefined) => boolean {
  const wanted = comparable(url);
  return (other) => wanted !== null && comparable(other) === wanted;
}

/**
 * Each address's comparable form, once: the page's outlet and the article list both compare the
 * page with every article, on each render. The popup lives for one story, so this stays small.
 */
const comparableForms = new Map<string, string | null>();

function comparable(url: string | null | undefined): string | null {
  if (!url) return null;
  const known = comparableForms.get(url);
  if (known !== undefined) return known;
  const canonical = canonicalizeUrl(url);
  const form = canonical === null ? null : canonical.replace(/^https?:\/\/(?:www\.)?/, '');
  comparableForms.set(url, form);
  return form;
}
