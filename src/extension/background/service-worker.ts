/**
 * The background service worker: the one place that talks to the API. (Not `index.ts`: crxjs
 * confuses same-named entries and loaded the content script as the worker.)
 */
import '../zod-setup.js';
import browser from 'webextension-polyfill';
import { createLookupClient } from './lookup-client.js';
import { createMessageRouter } from './message-router.js';
import { readTab } from './read-tab.js';
import { createSettingsStore } from './settings-store.js';

const route = createMessageRouter({
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  settings: createSettingsStore(browser.storage.local),
  clientFor: (apiBaseUrl) => createLookupClient(apiBaseUrl),
  readTab,
});

browser.runtime.onMessage.addListener(route);
