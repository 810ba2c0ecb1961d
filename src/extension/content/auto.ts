/**
 * Automatic mode's content script: registered by the background only for the sites where the
 * reader turned automatic mode on. On an article page it asks the background to look the page up
 * (an intent, never a primitive; the background shows the count on the toolbar) and draws a badge
 * in its headline; on a front page or an aggregator it draws badges beside the headline links.
 */
import '../zod-setup.js';
import type { ContentToBackground } from '../messages.js';
import { badgeArticle, badgeListing } from './badges/page-badges.js';
import { sendToBackground } from './badges/extension-runtime.js';
import { readPage } from './read-page.js';

const page = readPage(document, location.href);
if (page.isArticle || page.articleMarkup === true) {
  const intent: ContentToBackground = { type: 'auto-lookup', page };
  // A failure (API down, no match) draws nothing.
  void badgeArticle(document, page.title, page.canonicalUrl ?? location.href, sendToBackground(intent));
} else {
  badgeListing(document);
}
