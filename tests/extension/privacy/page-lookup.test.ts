import { describe, expect, it } from 'vitest';
import { LOOKUP_TTL_MS } from '../../../src/extension/background/lookup-cache.js';
import { LookupError } from '../../../src/extension/background/lookup-client.js';
import { mayLeaveBrowser } from '../../../src/extension/background/page-lookup.js';
import { createNewsSites } from '../../../src/extension/background/news-sites.js';
import { article, newsDirectory, popupSender, routerHarness } from './router-harness.js';

const lookupTab = { type: 'lookup-tab', tabId: 3 };
const sites = createNewsSites(newsDirectory);

describe('the privacy gate', () => {
  it('lets out pages marked up as articles, or articles of known outlets, and nothing else', () => {
    // Looks like an article to the extractor, but declares nothing in its markup.
    const plain = { ...article, articleMarkup: false };
    expect(mayLeaveBrowser(article, 'https://shop.example/guide', sites)).toBe(true);
    expect(mayLeaveBrowser(plain, 'https://www.theguardian.com/world/2025/x', sites)).toBe(true);
    expect(mayLeaveBrowser(plain, 'https://shop.example/guide', sites)).toBe(false);
    expect(mayLeaveBrowser(plain, undefined, sites)).toBe(false);
    // A known outlet's front page has no story to ask about.
    expect(mayLeaveBrowser({ ...plain, isArticle: false }, 'https://www.theguardian.com/', sites)).toBe(
      false,
    );
    // The address comes from the browser: a page naming a news site in its markup is not one.
    expect(
      mayLeaveBrowser(
        { ...plain, canonicalUrl: 'https://www.bbc.co.uk/news/1' },
        'https://x.example/',
        sites,
      ),
    ).toBe(false);
    expect(mayLeaveBrowser(plain, 'file:///home/me/theguardian.com.html', sites)).toBe(false);
  });

  it('sends nothing for a page that is neither', async () => {
    const harness = routerHarness({
      page: { ...article, articleMarkup: false },
      tabUrl: 'https://intranet.example/guide',
    });
    const reply = await harness.route(lookupTab, popupSender);
    expect(reply.ok ? undefined : reply.error.code).toBe('not-article');
    expect(harness.apiCalls).toEqual([]);
  });

  it('looks up an unmarked article of a known outlet', async () => {
    const harness = routerHarness({
      page: { ...article, articleMarkup: false },
      tabUrl: 'https://www.theguardian.com/world/2025/mar/14/bridge',
    });
    expect((await harness.route(lookupTab, popupSender)).ok).toBe(true);
    expect(harness.lookups).toHaveLength(1);
  });
});

describe('the lookup cache', () => {
  it('sends one request per headline per TTL', async () => {
    let now = 1_000_000;
    const harness = routerHarness({ now: () => now });
    for (let i = 0; i < 3; i += 1) expect((await harness.route(lookupTab, popupSender)).ok).toBe(true);
    expect(harness.lookups).toHaveLength(1);
    now += LOOKUP_TTL_MS - 1;
    await harness.route(lookupTab, popupSender);
    expect(harness.lookups).toHaveLength(1);
    now += 1;
    await harness.route(lookupTab, popupSender);
    expect(harness.lookups).toHaveLength(2);
  });

  it('keeps answers of different APIs apart and forgets all when cleared', async () => {
    const harness = routerHarness();
    await harness.route(lookupTab, popupSender);
    await harness.route(
      { type: 'save-settings', settings: { apiBaseUrl: 'http://localhost:9999' } },
      popupSender,
    );
    await harness.route(lookupTab, popupSender);
    expect(harness.lookups.map((l) => l.baseUrl)).toEqual(['http://127.0.0.1:8787', 'http://localhost:9999']);
    expect(await harness.route({ type: 'clear-cache' }, popupSender)).toEqual({ ok: true, data: null });
    await harness.route(lookupTab, popupSender);
    expect(harness.lookups).toHaveLength(3);
  });

  it('does not cache failures', async () => {
    let fail = true;
    const harness = routerHarness({
      client: {
        lookup: async () => {
          if (fail) throw new LookupError('unreachable', 'down');
          return { results: [{ story: null, matchedBy: null, score: null }] };
        },
      },
    });
    expect(await harness.route(lookupTab, popupSender)).toEqual({
      ok: false,
      error: { code: 'unreachable', message: 'down' },
    });
    fail = false;
    expect((await harness.route(lookupTab, popupSender)).ok).toBe(true);
  });
});
