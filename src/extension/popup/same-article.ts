/** Whether two URLs name the same article: same canonical URL, whatever the scheme or a `www.`. */
import { canonicalizeUrl } from '../../core/canonical-url.js';

export function isSameArticle(a: string | null | undefined, b: string | null | undefined): boolean {
  const [x, y] = [a, b].map(comparable);
  return x !== null && x === y;
}

function comparable(url: string | null | undefined): string | null {
  const canonical = url ? canonicalizeUrl(url) : null;
  return canonical === null ? null : canonical.replace(/^https?:\/\/(?:www\.)?/, '');
}
