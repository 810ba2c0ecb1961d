/**
 * The content script, injected on demand into the tab the reader asked about (never declared in the
 * manifest). It answers the background's `extract` intent and does nothing else.
 */
import '../zod-setup.js';
import type { Runtime } from 'webextension-polyfill';
import { BackgroundToContent } from '../background-to-content.js';
import type { ExtractedPage, Reply } from '../messages.js';
import { listenToBackground, runtimeId } from './extension-runtime.js';
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
  respond: (reply: Reply<ExtractedPage>) => void,
): void {
  const id = runtimeId();
  if (id === undefined || sender.id !== id || sender.tab !== undefined) return;
  if (!BackgroundToContent.safeParse(message).success) {
    respond({ ok: false, error: { code: 'invalid-message', message: 'unknown message' } });
    return;
  }
  respond({ ok: true, data: readPage(document, location.href) });
}

if (!globalThis.coverageLensContentReady) {
  globalThis.coverageLensContentReady = true;
  listenToBackground(handleMessage);
}
