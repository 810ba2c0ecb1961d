/** What the background does for content scripts: their intents, and nothing more. */
import type { Runtime } from 'webextension-polyfill';
import type { StorySummary } from '../../core/contract.js';
import { ContentToBackground, fail, type Reply } from '../messages.js';
import type { AutomaticSites } from './automatic-sites.js';
import type { PageLookup } from './page-lookup.js';

export interface ContentIntentDeps {
  automaticSites: AutomaticSites;
  lookUpPage: PageLookup;
  showCount(tabId: number, story: StorySummary | null): Promise<void>;
}

/** A content script of this extension: our id, in a tab, on a web page (not one of our pages). */
export function isOwnContentScript(sender: Runtime.MessageSender, extensionId: string): boolean {
  return sender.id === extensionId && sender.tab !== undefined && /^https?:/.test(sender.url ?? '');
}

/**
 * WARNING: trust boundary. Content scripts run inside pages that may be hostile, so they get
 * intents only: "look up the page I am in". The page's address comes from the browser
 * (`sender.url`, top frame only), never from the message, and the lookup happens only while
 * automatic mode is on for that site: a revoked permission stops lookups at once, even from
 * scripts still running in open tabs.
 */
export async function handleContentIntent(
  message: unknown,
  sender: Runtime.MessageSender,
  deps: ContentIntentDeps,
): Promise<Reply<unknown>> {
  const tabId = sender.tab?.id;
  const parsed = ContentToBackground.safeParse(message);
  if (!parsed.success || tabId === undefined || sender.frameId !== 0 || sender.url === undefined) {
    return fail('forbidden', 'content scripts may only ask for their own page to be looked up');
  }
  if (!(await deps.automaticSites.covers(sender.url))) {
    return fail('forbidden', 'automatic mode is off for this site');
  }
  const reply = await deps.lookUpPage(parsed.data.page, sender.url);
  await deps.showCount(tabId, reply.ok ? reply.data.story : null);
  return reply;
}
