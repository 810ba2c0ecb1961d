/**
 * The badges' intents through the background's real router, with the real outlet directory, the
 * privacy gate, the badge cache and a recording API: what leaves the browser and what comes back.
 */
import { describe, expect, it } from 'vitest';
import type { LookupItem, LookupResponse, StorySummary } from '../../../src/core/contract.js';
import { summary } from '../api-fixtures.js';
import { BADGE_WORDS, contentSender, popupSender, routerHarness } from '../privacy/router-harness.js';

const FRONT = 'https://www.wfaa.com/';
const GRANTED = ['*://*.wfaa.com/*'];

const headline = (n: number) => ({
  title: `County judge approves bridge repair funding plan ${n}`,
  url: `https://www.wfaa.com/article/news/local/county-judge-approves-bridge-repair-${n}/287-${10000 + n}`,
});

/** A router whose API knows a story for every headline with an even number in its URL. */
function badgeHarness(granted = GRANTED) {
  const requests: LookupItem[][] = [];
  const harness = routerHarness({
    granted,
    client: {
      async lookup(items): Promise<LookupResponse> {
        requests.push(items);
        return {
          results: items.map((item) => {
            const even = Number(/-(\d+)\/287/.exec(item.url ?? '')?.[1] ?? 1) % 2 === 0;
            const story: StorySummary = { ...summary, id: `story-${item.url}` };
            return even
              ? { story, matchedBy: 'url', score: 1 }
              : { story: null, matchedBy: null, score: null };
          }),
        };
      },
    },
  });
  const send = (message: object, url = FRONT) => harness.route(message, contentSender(url));
  return { ...harness, requests, send };
}

describe('badge lookups', () => {
  it('send known outlets’ headlines once per canonical URL, and answer one badge per headline', async () => {
    const { send, requests } = badgeHarness();
    const tracked = { ...headline(2), url: `${headline(2).url}?utm_source=home#comments` };
    const reply = await send({
      type: 'badge-lookup',
      headlines: [
        headline(2),
        headline(3),
        tracked,
        {
          title: 'Blogger reviews the bridge repair plan',
          url: 'https://unlisted-blog.example/posts/bridge-plan-review',
        },
      ],
    });
    expect(requests).toEqual([[headline(2), headline(3)]]);
    const { left, center, right, unrated } = summary.distribution;
    const badge = {
      storyId: `story-${headline(2).url}`,
      title: summary.title,
      sourceCount: summary.sourceCount,
      left,
      center,
      right,
      unrated,
    };
    expect(reply).toEqual({
      ok: true,
      data: { enabled: true, stories: [badge, null, badge, null], words: BADGE_WORDS },
    });
    // The words of the badges' names, so that the page need not read the extension's messages.
    expect(BADGE_WORDS).toMatchObject({ sourcesOther: 'Coverage Lens: $1 sources', left: 'Left' });
  });

  it('send nothing for headlines answered within the TTL', async () => {
    const { send, requests } = badgeHarness();
    const batch = Array.from({ length: 50 }, (_, i) => headline(i));
    await send({ type: 'badge-lookup', headlines: batch });
    const again = await send({ type: 'badge-lookup', headlines: batch.slice(10, 20) });
    expect(requests.map((items) => items.length)).toEqual([50]);
    expect(again).toMatchObject({ ok: true, data: { enabled: true } });
  });

  it('refuse more than 50 headlines, other frames, and sites without automatic mode', async () => {
    const { send, requests, route } = badgeHarness();
    const tooMany = { type: 'badge-lookup', headlines: Array.from({ length: 51 }, (_, i) => headline(i)) };
    expect(await send(tooMany)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const inFrame = { ...contentSender(FRONT), frameId: 3 };
    expect(await route({ type: 'badge-lookup', headlines: [headline(2)] }, inFrame)).toMatchObject({
      ok: false,
    });
    const elsewhere = await send(
      { type: 'badge-lookup', headlines: [headline(2)] },
      'https://www.kare11.com/',
    );
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(requests).toEqual([]);
  });
});

describe("a site's badge switch", () => {
  it('turns badges off for the sender’s site (and subdomains), kept when other settings are saved', async () => {
    const { send, requests, route, settings } = badgeHarness();
    expect(await send({ type: 'badges-off-here' }, 'https://www.wfaa.com/article/x')).toEqual({
      ok: true,
      data: null,
    });
    expect((await settings.load()).badgesOffSites).toEqual(['wfaa.com']);
    const off = await send({ type: 'badge-lookup', headlines: [headline(2)] }, 'https://sports.wfaa.com/');
    expect(off).toEqual({ ok: true, data: { enabled: false, stories: [null], words: BADGE_WORDS } });
    expect(await send({ type: 'badge-takes', storyId: 'story-1', url: headline(2).url })).toMatchObject({
      ok: false,
    });
    expect(requests).toEqual([]);
    // The options page saves the API address alone; the badge switch stays as it was.
    await route({ type: 'save-settings', settings: { apiBaseUrl: 'https://api.example' } }, popupSender);
    expect(await settings.load()).toEqual({
      apiBaseUrl: 'https://api.example',
      badgesOffSites: ['wfaa.com'],
    });
  });
});

describe("a card's other takes", () => {
  it('come from the story, without the headline’s own article, links only when https', async () => {
    const { send } = badgeHarness();
    const reply = await send({
      type: 'badge-takes',
      storyId: 'story-1',
      url: 'https://coastal-herald.example/news/2025/03/harbour-bridge-reopens?utm_medium=x',
    });
    expect(reply).toMatchObject({ ok: true });
    const takes = (reply as { data: { outlet: string; url: string | null }[] }).data;
    expect(takes.map((take) => take.outlet)).not.toContain('The Coastal Herald');
    for (const take of takes) expect(take.url === null || take.url.startsWith('https://')).toBe(true);
  });
});
