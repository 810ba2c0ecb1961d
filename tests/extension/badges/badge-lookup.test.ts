import { describe, expect, it } from 'vitest';
import type { LookupItem, Story } from '../../../src/core/contract.js';
import { storyWithChoices } from '../../../src/core/story-with-choices.js';
import { createBadgeCache } from '../../../src/extension/background/badge-cache.js';
import { lookUpHeadlines, type BadgeLookupDeps } from '../../../src/extension/background/badge-lookup.js';
import { LookupError, type LookupClient } from '../../../src/extension/background/lookup-client.js';
import { createNewsSites } from '../../../src/extension/background/news-sites.js';
import { story, summary } from '../api-fixtures.js';
import { fakeStorageArea } from '../fake-storage-area.js';
import { newsDirectory } from '../privacy/router-harness.js';

const API = 'https://api.example';
const headline = (n: number) => ({
  title: `Harbour bridge reopens after repair, part ${n}`,
  url: `https://www.wfaa.com/article/news/local/harbour-bridge-reopens-after-repair-${n}/287-${n}`,
});
/** Every outlet rated right: the reader's choice, not the API's consensus. */
const allRight = () => 'right' as const;

function deps(
  getStory: (id: string) => Promise<Story>,
  chosen: boolean,
): BadgeLookupDeps & { calls: string[] } {
  const calls: string[] = [];
  const client: LookupClient = {
    async lookup(items: LookupItem[]) {
      calls.push(`lookup ${items.length}`);
      return { results: items.map(() => ({ story: summary, matchedBy: 'url' as const, score: 1 })) };
    },
    async getStory(id) {
      calls.push(`story ${id}`);
      return getStory(id);
    },
    checkHealth: async () => 1,
  };
  return {
    calls,
    sites: createNewsSites(newsDirectory),
    cache: createBadgeCache(fakeStorageArea()),
    clientFor: () => client,
    chooser: async () => (chosen ? allRight : null),
  };
}

describe('badge lookups with the reader’s rating choices', () => {
  it('recount each story once from its articles', async () => {
    const lookup = deps(async () => storyWithChoices(story, allRight), true);
    const badges = await lookUpHeadlines(API, [headline(1), headline(2)], lookup);
    expect(lookup.calls).toEqual(['lookup 2', `story ${summary.id}`]);
    const recounted = storyWithChoices(story, allRight).distribution;
    expect(badges.map((badge) => badge && [badge.left, badge.center, badge.right])).toEqual([
      [recounted.left, recounted.center, recounted.right],
      [recounted.left, recounted.center, recounted.right],
    ]);
    expect(recounted).not.toEqual(summary.distribution);
  });

  it('draw no badge rather than the consensus when the story cannot be had', async () => {
    const lookup = deps(async () => {
      throw new LookupError('unreachable', 'down');
    }, true);
    expect(await lookUpHeadlines(API, [headline(1)], lookup)).toEqual([null]);
  });

  it('ask for no story with the default choices', async () => {
    const lookup = deps(async () => story, false);
    const [badge] = await lookUpHeadlines(API, [headline(1)], lookup);
    expect(lookup.calls).toEqual(['lookup 1']);
    expect(badge).toMatchObject({ storyId: summary.id, ...summary.distribution });
  });
});
