/**
 * Applies the reader's rating choices to what the API answers, before the popup, the toolbar count
 * or the badges see it: the story's outlet leans and its distribution and blindspot are recomputed
 * by src/core. With the default choices (consensus, no overrides) the API's answer passes unchanged.
 */
import type { LeanChooser } from '../../core/rating-choices.js';
import { storyWithChoices, summaryOf } from '../../core/story-with-choices.js';
import { ok } from '../messages.js';
import type { LookupClient } from './lookup-client.js';
import type { PageLookup } from './page-lookup.js';
import type { SettingsStore } from './settings-store.js';

/** The reader's current chooser, or null when the choices leave the consensus as it is. */
export type ChooserSource = () => Promise<LeanChooser | null>;

/** A client whose stories come with the reader's leans and distribution. */
export function withRatingChoices(client: LookupClient, chooser: ChooserSource): LookupClient {
  return {
    lookup: (items) => client.lookup(items),
    checkHealth: () => client.checkHealth(),
    async getStory(id) {
      const [story, choose] = await Promise.all([client.getStory(id), chooser()]);
      return choose === null ? story : storyWithChoices(story, choose);
    },
  };
}

export interface LookupChoicesDeps {
  settings: SettingsStore;
  /** Must give clients wrapped by `withRatingChoices`. */
  clientFor(apiBaseUrl: string): LookupClient;
  chooser: ChooserSource;
}

/**
 * A lookup whose story summary is recomputed with the reader's choices. A summary carries counts
 * only, so with non-default choices the story's articles are fetched to recount; after the cache,
 * so changed choices apply at once to cached lookups too.
 */
export function lookUpWithChoices(lookUpPage: PageLookup, deps: LookupChoicesDeps): PageLookup {
  return async (page, pageUrl) => {
    const reply = await lookUpPage(page, pageUrl);
    if (!reply.ok || reply.data.story === null || (await deps.chooser()) === null) return reply;
    const { apiBaseUrl } = await deps.settings.load();
    const story = await deps.clientFor(apiBaseUrl).getStory(reply.data.story.id);
    return ok({ ...reply.data, story: summaryOf(story) });
  };
}
