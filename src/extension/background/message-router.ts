/** Routes the messages of the extension's own pages (popup, options) to the background's work. */
import type { Runtime } from 'webextension-polyfill';
import { BadgeToBackground } from '../badge-messages.js';
import { fail, ok, PageToBackground, type Reply } from '../messages.js';
import { handleBadgeIntent, type BadgeIntentDeps } from './badge-intents.js';
import { handleContentIntent, isOwnContentScript, type ContentIntentDeps } from './content-intents.js';
import { LookupError, type LookupClient } from './lookup-client.js';
import { lookupTab, type TabReader } from './lookup-tab.js';
import type { OutletLookup } from './outlet-lookup.js';
import type { PageLookup } from './page-lookup.js';
import { handlePrivacyRequest, type PrivacyDeps } from './privacy-requests.js';
import { handleRatingsRequest, type RatingsDeps } from './ratings-requests.js';
import { ReadTabError } from './read-tab-error.js';
import type { SettingsStore } from './settings-store.js';

export interface RouterDeps extends TabReader {
  extensionId: string;
  /** `chrome-extension://<id>/` (or `moz-extension://…/`), from `runtime.getURL('')`. */
  extensionOrigin: string;
  settings: SettingsStore;
  clientFor(apiBaseUrl: string): LookupClient;
  /** Every headline lookup goes through it: the privacy gate, the cache, then the API. */
  lookUpPage: PageLookup;
  /** The popup's `get-outlet`: asks the API only about outlets of the built-in directory. */
  outlets: OutletLookup;
  /** `outlets` is the one above: the outlet answers "Clear cache" forgets are those `get-outlet` keeps. */
  privacy: Omit<PrivacyDeps, 'outlets'>;
  ratings: RatingsDeps;
  content: Omit<ContentIntentDeps, 'lookUpPage'>;
  badges: Omit<BadgeIntentDeps, 'settings' | 'clientFor'>;
}

/**
 * WARNING: trust boundary. Only the extension's own pages may use the background: the sender must
 * be this extension and its URL an extension page (content scripts share the id but run on web
 * pages). Our content scripts are routed apart and may send intents only. Every payload is parsed
 * before use; failures become `{ok: false}` replies, never throws.
 */
export function createMessageRouter(deps: RouterDeps) {
  return async function route(message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> {
    const fromPage = sender.id === deps.extensionId && sender.url?.startsWith(deps.extensionOrigin) === true;
    if (!fromPage && !isOwnContentScript(sender, deps.extensionId)) {
      return fail('forbidden', 'messages are accepted from the extension pages only');
    }
    const parsed = fromPage ? PageToBackground.safeParse(message) : undefined;
    if (parsed?.success === false) return fail('invalid-message', 'unknown or malformed message');
    try {
      if (parsed === undefined) {
        const badge = BadgeToBackground.safeParse(message);
        if (badge.success) {
          const { settings, clientFor } = deps;
          return await handleBadgeIntent(badge.data, sender, { ...deps.badges, settings, clientFor });
        }
        return await handleContentIntent(message, sender, { ...deps.content, lookUpPage: deps.lookUpPage });
      }
      const request = parsed.data;
      switch (request.type) {
        case 'lookup-tab':
          return await lookupTab(request.tabId, deps, deps.lookUpPage);
        case 'get-outlet':
          return ok(await deps.outlets.lookUp(request.host));
        case 'get-story': {
          const { apiBaseUrl } = await deps.settings.load();
          return ok(await deps.clientFor(apiBaseUrl).getStory(request.id));
        }
        case 'get-settings':
          return ok(await deps.settings.load());
        case 'save-settings':
          // Merged: a page that sends only some settings (the API address) keeps the others.
          await deps.settings.save({ ...(await deps.settings.load()), ...request.settings });
          return ok(await deps.settings.load());
        case 'check-api':
          return ok({ latencyMs: await deps.clientFor(request.apiBaseUrl).checkHealth() });
        case 'get-site-access':
        case 'get-automatic-mode':
        case 'clear-cache':
          return await handlePrivacyRequest(request, { ...deps.privacy, outlets: deps.outlets });
        case 'get-rating-choices':
        case 'choose-rater':
        case 'set-override':
        case 'remove-override':
        case 'import-ratings':
        case 'remove-imported':
          return await handleRatingsRequest(request, deps.ratings);
      }
    } catch (error) {
      if (error instanceof LookupError) return fail(error.code, error.message);
      if (error instanceof ReadTabError) return fail('cannot-read-page', error.message);
      throw error;
    }
  };
}
