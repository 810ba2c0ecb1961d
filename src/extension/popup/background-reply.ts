/**
 * How the popup asks the background, without zod: the popup's whole JS must stay under 25 KB
 * gzipped and zod alone is half of that. Validation happens in the background instead: every API
 * answer is parsed against the wire contract there, and only the extension's own contexts can
 * answer `runtime.sendMessage` (content scripts cannot), so here a reply is checked for its shape.
 * WARNING: rendering stays defensive all the same: API text is drawn as text, links only when https.
 */
import { extensionApi } from './extension-api.js';
import type { PopupToBackground, Reply, ReplyError } from '../messages.js';
import { isReply } from './reply-shape.js';

const NO_ANSWER: ReplyError = { code: 'bad-response', message: "the extension's background did not answer" };

/** Sends one request; a missing or malformed reply becomes an error reply. */
export async function askBackground<T extends object | null>(message: PopupToBackground): Promise<Reply<T>> {
  const raw: unknown = await extensionApi.runtime.sendMessage(message).catch(() => undefined);
  return isReply(raw) ? (raw as Reply<T>) : { ok: false, error: NO_ANSWER };
}
