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

function comparable(url: string | null | undefined): string | null {
  const canonical = url ? canonicalizeUrl(url) : null;
  return canonical === null ? null : canonical.replace(/^https?:\/\/(?:www\.)?/, '');
}
