/** What the background does for the badges of automatic mode's content script: intents, nothing more. */
import type { Runtime } from 'webextension-polyfill';
import { badgeSiteOf, badgesOffOn } from '../../core/badge-sites.js';
import type { BadgeToBackground } from '../badge-messages.js';
import type { BadgeLabelWords } from '../badge-replies.js';
import { fail, ok, type Reply } from '../messages.js';
import type { AutomaticSites } from './automatic-sites.js';
import { lookUpHeadlines, type BadgeLookupDeps } from './badge-lookup.js';
import { pickTakes } from './badge-takes.js';
import type { SettingsStore } from './settings-store.js';

export interface BadgeIntentDeps extends BadgeLookupDeps {
  automaticSites: AutomaticSites;
  settings: SettingsStore;
  /** Opens the extension's own page showing a story's full coverage in a new tab. */
  openCoverage(storyId: string): Promise<void>;
  /** The words of a badge's accessible name, sent with every lookup reply (badge-words.ts). */
  words(): BadgeLabelWords;
}

/**
 * WARNING: trust boundary. The sender is already known to be our content script; the page's
 * address comes from the browser (`sender.url`, top frame only), never from the message. Nothing
 * happens unless automatic mode covers the page (a revoked permission stops badges at once, even
 * in open tabs), and no lookup while the reader has turned badges off for the site.
 */
export async function handleBadgeIntent(
  intent: BadgeToBackground,
  sender: Runtime.MessageSender,
  deps: BadgeIntentDeps,
): Promise<Reply<unknown>> {
  const pageUrl = sender.url;
  if (sender.tab?.id === undefined || sender.frameId !== 0 || pageUrl === undefined) {
    return fail('forbidden', 'badges are drawn in the top frame of a tab only');
  }
  if (!(await deps.automaticSites.covers(pageUrl)))
    return fail('forbidden', 'automatic mode is off for this site');
  const settings = await deps.settings.load();
  const offSites = settings.badgesOffSites ?? [];
  const host = new URL(pageUrl).hostname;
  if (intent.type === 'badges-off-here') {
    const site = badgeSiteOf(host);
    if (!offSites.includes(site))
      await deps.settings.save({ ...settings, badgesOffSites: [...offSites, site] });
    return ok(null);
  }
  if (badgesOffOn(host, offSites)) {
    if (intent.type === 'badge-lookup')
      return ok({ enabled: false, stories: intent.headlines.map(() => null), words: deps.words() });
    return fail('forbidden', 'badges are off for this site');
  }
  switch (intent.type) {
    case 'badge-lookup':
      return ok({
        enabled: true,
        stories: await lookUpHeadlines(settings.apiBaseUrl, intent.headlines, deps),
        words: deps.words(),
      });
    case 'badge-takes':
      return ok(pickTakes(await deps.clientFor(settings.apiBaseUrl).getStory(intent.storyId), intent.url));
    case 'open-coverage':
      await deps.openCoverage(intent.storyId);
      return ok(null);
  }
}
