/**
 * The little of the extension API the popup uses, read from `chrome` (Chrome and Firefox both
 * offer it, with promises) rather than through webextension-polyfill: one module chunk fewer to
 * fetch, parse and run before the popup's first paint.
 */
import type { Permissions, Tabs } from 'webextension-polyfill';

interface PopupChromeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: {
    get(tabId: number): Promise<Pick<Tabs.Tab, 'url'>>;
    query(query: Tabs.QueryQueryInfoType): Promise<Pick<Tabs.Tab, 'id' | 'url'>[]>;
  };
  storage: {
    session: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
  permissions: {
    contains(permissions: Permissions.Permissions): Promise<boolean>;
    request(permissions: Permissions.Permissions): Promise<boolean>;
  };
}

export const extensionApi = (globalThis as unknown as { chrome: PopupChromeApi }).chrome;
