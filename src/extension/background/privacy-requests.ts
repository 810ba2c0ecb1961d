/** The extension pages' questions about privacy: automatic mode per site, and the caches of answers. */
import { ok, type AutomaticMode, type PageToBackground, type Reply, type SiteAccess } from '../messages.js';
import type { AutomaticSites } from './automatic-sites.js';
import type { LookupCache } from './lookup-cache.js';
import type { OutletLookup } from './outlet-lookup.js';
import { originPatternOf, type NewsSites } from './news-sites.js';

export interface PrivacyDeps {
  sites: NewsSites;
  automaticSites: AutomaticSites;
  cache: LookupCache;
  /** The popup's outlet answers, kept in the worker's memory: "Clear cache" forgets them too. */
  outlets: Pick<OutletLookup, 'clear'>;
  tabUrl(tabId: number): Promise<string | undefined>;
}

/** Automatic mode is offered for known news sites only, for all the outlet's domains at once. */
export async function siteAccessOf(tabId: number, deps: PrivacyDeps): Promise<SiteAccess> {
  const url = await deps.tabUrl(tabId);
  const site = url === undefined ? null : deps.sites.siteOf(url);
  if (url === undefined || site === null) {
    const host = url !== undefined && /^https?:/.test(url) ? new URL(url).hostname : null;
    return { host, newsSite: false, origins: [], automatic: false };
  }
  return {
    host: new URL(url).hostname,
    newsSite: true,
    origins: site.domains.map(originPatternOf),
    automatic: await deps.automaticSites.covers(url),
  };
}

export async function automaticModeOf(deps: PrivacyDeps): Promise<AutomaticMode> {
  return { origins: await deps.automaticSites.origins(), allNewsOrigins: deps.sites.allOriginPatterns() };
}

export type PrivacyRequestType = 'get-site-access' | 'get-automatic-mode' | 'clear-cache';

export async function handlePrivacyRequest(
  request: Extract<PageToBackground, { type: PrivacyRequestType }>,
  deps: PrivacyDeps,
): Promise<Reply<unknown>> {
  switch (request.type) {
    case 'get-site-access':
      return ok(await siteAccessOf(request.tabId, deps));
    case 'get-automatic-mode':
      return ok(await automaticModeOf(deps));
    case 'clear-cache':
      await deps.cache.clear();
      deps.outlets.clear();
      return ok(null);
  }
}
