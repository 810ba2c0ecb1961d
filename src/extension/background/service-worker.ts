/**
 * The background service worker: the one place that talks to the API. (Not `index.ts`: crxjs
 * confuses same-named entries and loaded the content script as the worker.)
 */
import '../zod-setup.js';
import browser from 'webextension-polyfill';
import { badgesOffOn } from '../../core/badge-sites.js';
import { OutletResponse } from '../../core/outlet.js';
import { SETTINGS_KEY } from '../../core/settings.js';
import { startAutomaticMode } from './automatic-mode.js';
import { createAutomaticSites } from './automatic-sites.js';
import { clearingBadgesToo, createBadgeCache } from './badge-cache.js';
import { keepBadgePorts } from './badge-ports.js';
import { badgeLabelWords } from './badge-words.js';
import { createLookupCache } from './lookup-cache.js';
import { createApiRequest, createLookupClient } from './lookup-client.js';
import { createMessageRouter } from './message-router.js';
import { createNetworkGuard } from './network-guard.js';
import { createNewsSites } from './news-sites.js';
import { createOutletLookup } from './outlet-lookup.js';
import { createPageLookup } from './page-lookup.js';
import { readTab } from './read-tab.js';
import { browserTabScripting } from './tab-scripting.js';
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
const badgeCache = createBadgeCache(browser.storage.session);
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
  readTab: (tabId) => readTab(tabId, browserTabScripting),
  tabUrl,
  lookUpPage: lookUpWithChoices(createPageLookup({ sites, cache, settings, clientFor }), {
    settings,
    clientFor,
    chooser,
  }),
  outlets: createOutletLookup({
    directory: outletDirectory,
    settings,
    fetchOutlet: (apiBaseUrl, domain) =>
      guard.call(apiBaseUrl, () =>
        createApiRequest(apiBaseUrl)(`/v1/outlets/${encodeURIComponent(domain)}`, OutletResponse),
      ),
  }),
  privacy: { sites, automaticSites, cache: clearingBadgesToo(cache, badgeCache), tabUrl },
  ratings: { store: ratingChoices, directory: outletDirectory },
  content: { automaticSites, showCount: (tabId, story) => showCount(browser.action, tabId, story) },
  badges: {
    sites,
    automaticSites,
    cache: badgeCache,
    chooser,
    // The popup's view of one story, in a tab of its own.
    openCoverage: async (storyId) => {
      const path = `src/extension/popup/index.html?story=${encodeURIComponent(storyId)}`;
      await browser.tabs.create({ url: browser.runtime.getURL(path) });
    },
    words: () => badgeLabelWords(browser.i18n),
  },
});

browser.runtime.onMessage.addListener(withToolbarBadge(route, browser.action));
const badgePorts = keepBadgePorts(browser.runtime.onConnect, async (url) => {
  const { badgesOffSites = [] } = await settings.load();
  return (await automaticSites.covers(url)) && !badgesOffOn(new URL(url).hostname, badgesOffSites);
});
browser.permissions.onRemoved.addListener(() => void badgePorts.recheck());
browser.storage.onChanged.addListener((changes) => {
  if (SETTINGS_KEY in changes) void badgePorts.recheck();
});
startAutomaticMode(automaticSites);
