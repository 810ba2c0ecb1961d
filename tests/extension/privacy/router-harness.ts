/**
 * The background's message router wired to fakes that behave: in-memory storage, the real outlet
 * directory, a permissions object holding what the reader granted, and an API client that records
 * every call that would have left the browser.
 */
import { readFileSync } from 'node:fs';
import type { Runtime } from 'webextension-polyfill';
import { compactDirectory, createDirectoryIndex } from '../../../src/core/compact-directory.js';
import type { LookupItem, StorySummary } from '../../../src/core/contract.js';
import { CONSENSUS_RATER, OutletDirectory, type OutletResponse } from '../../../src/core/outlet.js';
import { createAutomaticSites } from '../../../src/extension/background/automatic-sites.js';
import { createBadgeCache } from '../../../src/extension/background/badge-cache.js';
import { badgeLabelWords } from '../../../src/extension/background/badge-words.js';
import { createLookupCache } from '../../../src/extension/background/lookup-cache.js';
import { LookupError, type LookupClient } from '../../../src/extension/background/lookup-client.js';
import { createMessageRouter } from '../../../src/extension/background/message-router.js';
import { createNewsSites } from '../../../src/extension/background/news-sites.js';
import { createOutletLookup } from '../../../src/extension/background/outlet-lookup.js';
import { createPageLookup } from '../../../src/extension/background/page-lookup.js';
import { createRatingChoicesStore } from '../../../src/extension/background/rating-choices-store.js';
import { createSettingsStore } from '../../../src/extension/background/settings-store.js';
import type { ExtractedPage } from '../../../src/extension/messages.js';
import { matched, story } from '../api-fixtures.js';
import { fakeStorageArea } from '../fake-storage-area.js';

const englishMessages = JSON.parse(
  readFileSync(new URL('../../../_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, { message: string }>;
/** A badge's words as the background reads them from the English messages. */
export const BADGE_WORDS = badgeLabelWords({
  getMessage: (key: string, substitutions?: string | string[]) =>
    (englishMessages[key]?.message ?? '').replace('$1', [substitutions ?? []].flat()[0] ?? ''),
});

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
/** The manifest's install-time host permissions (the API's origins). */
export const REQUIRED_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];

export const popupSender: Runtime.MessageSender = {
  id: EXTENSION_ID,
  url: `${EXTENSION_ORIGIN}src/extension/popup/index.html`,
};

const tab = { index: 0, highlighted: false, active: true, pinned: false, incognito: false };

/** Our content script in the top frame of tab 7, showing `url`. */
export function contentSender(url: string): Runtime.MessageSender {
  return { id: EXTENSION_ID, url, frameId: 0, tab: { ...tab, id: 7, url } };
}

const shippedDirectory = OutletDirectory.parse(
  JSON.parse(readFileSync(new URL('../../../data/outlets.json', import.meta.url), 'utf8')),
);
export const newsDirectory = createDirectoryIndex(compactDirectory(shippedDirectory));

/** What `GET /v1/outlets/:domain` answers for the shipped directory: the entry and its consensus lean. */
export async function serviceOutlet(domain: string): Promise<OutletResponse> {
  const outlet = shippedDirectory.outlets.find((o) => o.domains.includes(domain));
  if (outlet === undefined) throw new LookupError('not-found', `/v1/outlets/${domain} was not found`);
  const lean = outlet.ratings.find((rating) => rating.rater === CONSENSUS_RATER)?.lean ?? null;
  return { ...outlet, lean };
}

export const article: ExtractedPage = {
  title: 'Harbour bridge reopens after two-year repair',
  canonicalUrl: 'https://coastal-herald.example/news/2025/03/harbour-bridge-reopens',
  description: 'Traffic flows again.',
  publishedAt: '2025-03-14T07:30:00.000Z',
  siteName: 'The Coastal Herald',
  isArticle: true,
  articleMarkup: true,
};

export interface HarnessOptions {
  page?: ExtractedPage | Error;
  /** The tab's address as the browser reports it. */
  tabUrl?: string;
  client?: Partial<LookupClient>;
  /** The API's outlet endpoint; by default `serviceOutlet`. */
  fetchOutlet?: (domain: string) => Promise<OutletResponse>;
  /** Optional host permissions the reader granted. */
  granted?: string[];
  now?: () => number;
}

export function routerHarness(options: HarnessOptions = {}) {
  const lookups: { baseUrl: string; items: LookupItem[] }[] = [];
  const apiCalls: string[] = [];
  const badges: { tabId: number; story: StorySummary | null }[] = [];
  const storage = fakeStorageArea();
  const settings = createSettingsStore(storage);
  const granted = { origins: [...REQUIRED_ORIGINS, ...(options.granted ?? [])] };
  const automaticSites = createAutomaticSites({ getAll: async () => granted }, REQUIRED_ORIGINS);
  const sites = createNewsSites(newsDirectory);
  const cache = createLookupCache(fakeStorageArea(), options.now);
  const clientFor = (baseUrl: string): LookupClient => ({
    lookup: async (items) => {
      apiCalls.push('lookup');
      lookups.push({ baseUrl, items });
      return matched;
    },
    getStory: async () => {
      apiCalls.push('story');
      return story;
    },
    checkHealth: async () => {
      apiCalls.push('health');
      return 7;
    },
    ...options.client,
  });
  const tabUrl = async () => options.tabUrl;
  const route = createMessageRouter({
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    settings,
    clientFor,
    readTab: async () => {
      const page = options.page ?? article;
      if (page instanceof Error) throw page;
      return page;
    },
    tabUrl,
    lookUpPage: createPageLookup({ sites, cache, settings, clientFor }),
    outlets: createOutletLookup({
      directory: newsDirectory,
      settings,
      fetchOutlet: async (_apiBaseUrl, domain) => {
        apiCalls.push(`outlet ${domain}`);
        return (options.fetchOutlet ?? serviceOutlet)(domain);
      },
      now: options.now,
    }),
    privacy: { sites, automaticSites, cache, tabUrl },
    ratings: { store: createRatingChoicesStore(storage), directory: newsDirectory },
    content: {
      automaticSites,
      showCount: async (tabId, shown) => {
        badges.push({ tabId, story: shown });
      },
    },
    badges: {
      sites,
      automaticSites,
      cache: createBadgeCache(fakeStorageArea(), options.now),
      chooser: async () => null,
      openCoverage: async () => undefined,
      words: () => BADGE_WORDS,
    },
  });
  return { route, lookups, apiCalls, badges, settings, storage, granted };
}
