/**
 * Automatic mode's content script: registered by the background only for the sites where the
 * reader turned automatic mode on. It reads the page once it has loaded and asks the background to
 * look it up (an intent, never a primitive); the background shows the count on the toolbar.
 */
import '../zod-setup.js';
import browser from 'webextension-polyfill';
import type { ContentToBackground } from '../messages.js';
import { readPage } from './read-page.js';

const page = readPage(document, location.href);
// A front page or section page has no story of its own: nothing to ask.
if (page.isArticle || page.articleMarkup === true) {
  const intent: ContentToBackground = { type: 'auto-lookup', page };
  // The reply is for later inline badges; a failure (API down, no match) shows nothing.
  browser.runtime.sendMessage(intent).catch(() => undefined);
}
