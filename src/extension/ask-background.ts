/** How the extension pages (popup, options) ask the background for something. */
import browser from 'webextension-polyfill';
import type * as z from 'zod/mini';
import { fail, type PageToBackground, type Reply } from './messages.js';

/** Sends one request and parses the reply; a missing or malformed reply becomes an error reply. */
export async function askBackground<T>(
  message: PageToBackground,
  replySchema: z.ZodMiniType<Reply<T>>,
): Promise<Reply<T>> {
  const raw: unknown = await browser.runtime.sendMessage(message).catch(() => undefined);
  const parsed = replySchema.safeParse(raw);
  return parsed.success ? parsed.data : fail('bad-response', "the extension's background did not answer");
}
