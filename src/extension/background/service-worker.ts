/**
 * The background service worker: the one place that talks to the API. (Not `index.ts`: crxjs
 * confuses same-named entries and loaded the content script as the worker.)
 */
import '../zod-setup.js';
import browser from 'webextension-polyfill';
import { startAutomaticMode } from './automatic-mode.js';
import { createAutomaticSites } from './automatic-sites.js';
import { createLookupCache } from './lookup-cache.js';
import { createLookupClient } from './lookup-client.js';
import { createMessageRouter } from './message-router.js';
import { createNetworkGuard } from './network-guard.js';
import { createNewsSites } from './news-sites.js';
import { createPageLookup } from './page-lookup.js';
import { readTab } from './read-tab.js';
import { lookUpWithChoices, withRatingChoices } from './apply-rating-choices.js';
import { createRatingChoicesStore } from './rating-choices-store.js';
import { chooserOf } from './ratings-requests.js';
import { outletDirectory } from '../outlet-directory.js';
import { createSettingsStore } from './settings-store.js';
import { withToolbarBadge } from './toolbar-badge.js';
import { showCount } from './toolbar-count.js';

const settings = createSettingsStore(browser.storage.local);
const guard = createNetworkGuard();
const ratingChoices = createRatingChoicesStore(browser.storage.local);
const chooser = () => chooserOf(ratingChoices, outletDirectory);
const clientFor = (apiBaseUrl: string) =>
  withRatingChoices(guard.wrap(apiBaseUrl, createLookupClient(apiBaseUrl)), chooser);
const sites = createNewsSites(outletDirectory);
const cache = createLookupCache(browser.storage.session);
const automaticSites = createAutomaticSites(
  browser.permissions,
  browser.runtime.getManifest().host_permissions ?? [],
);
// Without the tabs permission, a tab's URL is known only where we have access (activeTab, granted sites).
const tabUrl = async (tabId: number) => (await browser.tabs.get(tabId).catch(() => undefined))?.url;

const route = createMessageRouter({
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  settings,
  clientFor,
  readTab,
  tabUrl,
  lookUpPage: lookUpWithChoices(createPageLookup({ sites, cache, settings, clientFor }), {
    settings,
    clientFor,
    chooser,
  }),
  privacy: { sites, automaticSites, cache, tabUrl },
  ratings: { store: ratingChoices, directory: outletDirectory },
  content: { automaticSites, showCount: (tabId, story) => showCount(browser.action, tabId, story) },
});

browser.runtime.onMessage.addListener(withToolbarBadge(route, browser.action));
startAutomaticMode(automaticSites);
