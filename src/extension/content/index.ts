/**
 * The content script, injected on demand into the tab the reader asked about (never declared in the
 * manifest). It answers the background's `extract` intent and does nothing else.
 */
import '../zod-setup.js';
import browser, { type Runtime } from 'webextension-polyfill';
import { BackgroundToContent, fail, ok, type Reply, type ExtractedPage } from '../messages.js';
import { readPage } from './read-page.js';

declare global {
  // Each injection runs this file again in the same isolated world; one listener is enough.
  var coverageLensContentReady: boolean | undefined;
}

/**
 * WARNING: trust boundary. Only the extension's own background may ask (no `sender.tab`: pages and
 * other content scripts cannot pose as it), and only for a known intent.
 */
function handleMessage(
  message: unknown,
  sender: Runtime.MessageSender,
): Promise<Reply<ExtractedPage>> | undefined {
  if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
  const parsed = BackgroundToContent.safeParse(message);
  if (!parsed.success) return Promise.resolve(fail('invalid-message', 'unknown message'));
  return Promise.resolve(ok(readPage(document, location.href)));
}

if (!globalThis.coverageLensContentReady) {
  globalThis.coverageLensContentReady = true;
  browser.runtime.onMessage.addListener(handleMessage);
}
