/**
 * Reads the article facts of one tab: injects the content script on demand, then asks it. Bounded:
 * on a tab where the script cannot run or never answers (a page still loading, a frozen tab), the
 * popup must not wait forever, so after a few seconds the tab counts as unreadable.
 */
import { ExtractReply, type BackgroundToContent, type ExtractedPage } from '../messages.js';
import { ReadTabError } from './read-tab-error.js';

/** Extraction itself takes milliseconds; injection into a page that is still loading can take a while. */
export const READ_TAB_TIMEOUT_MS = 4000;

/** The browser's side of reading a tab (`scripting.executeScript`, `tabs.sendMessage`). */
export interface TabScripting {
  /** Runs the content script in the tab; needs activeTab (the reader clicked) or a host permission. */
  inject(tabId: number): Promise<unknown>;
  /** The content script's answer to `intent`, not yet parsed. */
  send(tabId: number, intent: BackgroundToContent): Promise<unknown>;
}

export async function readTab(
  tabId: number,
  scripting: TabScripting,
  timeoutMs = READ_TAB_TIMEOUT_MS,
): Promise<ExtractedPage> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ReadTabError(`the page did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([read(tabId, scripting), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function read(tabId: number, scripting: TabScripting): Promise<ExtractedPage> {
  try {
    await scripting.inject(tabId);
  } catch (error) {
    throw new ReadTabError(`cannot read this page: ${String(error)}`);
  }
  const intent: BackgroundToContent = { type: 'extract' };
  const reply = ExtractReply.safeParse(await scripting.send(tabId, intent).catch(() => undefined));
  if (!reply.success) throw new ReadTabError('the page did not answer');
  if (!reply.data.ok) throw new ReadTabError(reply.data.error.message);
  return reply.data.data;
}
