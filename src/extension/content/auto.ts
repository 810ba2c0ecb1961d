/**
 * Automatic mode's content script: registered by the background only for the sites where the
 * reader turned automatic mode on, on all their pages but the front page ("/", auto-front.ts's;
 * with a query it is this script's). On an article page it asks the background to look the page up
 * (an intent, never a primitive; the background shows the count on the toolbar) and draws a badge
 * in its headline; on a front page or an aggregator it draws badges beside the headline links.
 */
import type { ContentToBackground } from '../messages.js';
import { badgeArticle, badgeListing } from './badges/page-badges.js';
import { sendToBackground } from './extension-runtime.js';
import { urlShape } from './extraction/url-shape.js';
import { readPage } from './read-page.js';

const shape = urlShape(location.href);
// A site's front page or a search has no headline of its own (the extractor picks none there), so
// such a page is a listing without reading it as an article: most of a front page's cost saved.
const page = shape === 'root' || shape === 'search' ? null : readPage(document, location.href);
if (page !== null && (page.isArticle || page.articleMarkup === true)) {
  const intent: ContentToBackground = { type: 'auto-lookup', page };
  // A failure (API down, no match) draws nothing.
  void badgeArticle(document, page.title, page.canonicalUrl ?? location.href, sendToBackground(intent));
} else {
  badgeListing(document);
}
