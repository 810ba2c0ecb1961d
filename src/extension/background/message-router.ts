/** Routes the messages of the extension's own pages (popup, options) to the background's work. */
import type { Runtime } from 'webextension-polyfill';
import { fail, ok, PageToBackground, type ExtractedPage, type Reply } from '../messages.js';
import { LookupError, type LookupClient } from './lookup-client.js';
import { lookupTab } from './lookup-tab.js';
import { ReadTabError } from './read-tab-error.js';
import type { SettingsStore } from './settings-store.js';

export interface RouterDeps {
  extensionId: string;
  /** `chrome-extension://<id>/` (or `moz-extension://…/`), from `runtime.getURL('')`. */
  extensionOrigin: string;
  settings: SettingsStore;
  clientFor(apiBaseUrl: string): LookupClient;
  readTab(tabId: number): Promise<ExtractedPage>;
}

/**
 * WARNING: trust boundary. Only the extension's own pages may use the background: the sender must
 * be this extension and its URL an extension page (content scripts share the id but run on web
 * pages). Every payload is parsed before use; failures become `{ok: false}` replies, never throws.
 */
export function createMessageRouter(deps: RouterDeps) {
  return async function route(message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> {
    if (sender.id !== deps.extensionId || !sender.url?.startsWith(deps.extensionOrigin)) {
      return fail('forbidden', 'messages are accepted from the extension pages only');
    }
    const parsed = PageToBackground.safeParse(message);
    if (!parsed.success) return fail('invalid-message', 'unknown or malformed message');
    const request = parsed.data;
    try {
      switch (request.type) {
        case 'lookup-tab': {
          const { apiBaseUrl } = await deps.settings.load();
          return await lookupTab(request.tabId, deps.readTab, deps.clientFor(apiBaseUrl));
        }
        case 'get-story': {
          const { apiBaseUrl } = await deps.settings.load();
          return ok(await deps.clientFor(apiBaseUrl).getStory(request.id));
        }
        case 'get-settings':
          return ok(await deps.settings.load());
        case 'save-settings':
          await deps.settings.save(request.settings);
          return ok(await deps.settings.load());
        case 'check-api':
          return ok({ latencyMs: await deps.clientFor(request.apiBaseUrl).checkHealth() });
      }
    } catch (error) {
      if (error instanceof LookupError) return fail(error.code, error.message);
      if (error instanceof ReadTabError) return fail('cannot-read-page', error.message);
      throw error;
    }
  };
}
