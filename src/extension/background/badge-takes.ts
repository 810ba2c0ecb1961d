/**
 * The card's "other takes": from a story (with the reader's rating choices), up to three other
 * outlets' headlines, one per side first (left, center, right), the newest of each, so the card
 * shows how the sides put it; then the newest remaining outlets if a side has none. Pure.
 */
import { foldToSide } from '../../core/bias-scale.js';
import { canonicalizeUrl } from '../../core/canonical-url.js';
import type { Story, StoryArticle } from '../../core/contract.js';
import { httpsUrlOf } from '../../core/https-url.js';
import { MAX_TAKES, type BadgeTake } from '../badge-replies.js';

const sideOf = (article: StoryArticle): BadgeTake['side'] =>
  article.outlet?.lean ? foldToSide(article.outlet.lean) : 'unrated';

const outletKey = (article: StoryArticle) => article.outlet?.id ?? article.url ?? article.title;

/** Takes other than the article at `ownUrl` (the headline the badge sits beside). */
export function pickTakes(story: Story, ownUrl: string): BadgeTake[] {
  const own = canonicalizeUrl(ownUrl) ?? ownUrl;
  const others = story.articles
    .filter((article) => article.url === null || (canonicalizeUrl(article.url) ?? article.url) !== own)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  const picked: StoryArticle[] = [];
  const outlets = new Set<string>();
  const take = (article: StoryArticle) => {
    if (picked.length >= MAX_TAKES || outlets.has(outletKey(article))) return;
    outlets.add(outletKey(article));
    picked.push(article);
  };
  for (const side of ['left', 'center', 'right'] as const) {
    const first = others.find((article) => sideOf(article) === side && !outlets.has(outletKey(article)));
    if (first) take(first);
  }
  for (const article of others) take(article);
  return picked.map((article) => {
    const url = httpsUrlOf(article.url);
    const outlet = article.outlet?.name ?? (url === null ? '' : new URL(url).hostname);
    return { outlet, side: sideOf(article), title: article.title, url };
  });
}
