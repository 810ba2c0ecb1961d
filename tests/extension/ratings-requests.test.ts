import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactDirectory, createDirectoryIndex } from '../../src/core/compact-directory.js';
import type { Story } from '../../src/core/contract.js';
import { OutletDirectory } from '../../src/core/outlet.js';
import { RATING_CHOICES_KEY } from '../../src/core/rating-choices.js';
import { lookUpWithChoices, withRatingChoices } from '../../src/extension/background/apply-rating-choices.js';
import type { LookupClient } from '../../src/extension/background/lookup-client.js';
import { createRatingChoicesStore } from '../../src/extension/background/rating-choices-store.js';
import { chooserOf, handleRatingsRequest } from '../../src/extension/background/ratings-requests.js';
import { createSettingsStore } from '../../src/extension/background/settings-store.js';
import { ok, type Reply } from '../../src/extension/messages.js';
import type { ImportReport, RatingChoicesView } from '../../src/extension/rating-replies.js';
import type { RatingsToBackground } from '../../src/extension/rating-requests.js';
import { fakeStorageArea } from './fake-storage-area.js';

const directory = createDirectoryIndex(
  compactDirectory(
    OutletDirectory.parse(
      JSON.parse(readFileSync(new URL('../../data/outlets.json', import.meta.url), 'utf8')),
    ),
  ),
);
const csv = readFileSync(new URL('../fixtures/ratings/e2e-ratings.csv', import.meta.url), 'utf8');

function setup(initial: Record<string, unknown> = {}) {
  const storage = fakeStorageArea(initial);
  const store = createRatingChoicesStore(storage);
  const ask = async <T>(request: RatingsToBackground): Promise<T> => {
    const reply = (await handleRatingsRequest(request, { store, directory })) as Reply<T>;
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data;
  };
  const refused = async (request: RatingsToBackground) =>
    (await handleRatingsRequest(request, { store, directory })).ok === false;
  return { storage, store, ask, refused };
}

/** The consensus: two lean-left outlets, one center, one right. */
const story: Story = {
  id: 'story-1',
  title: 'A story',
  sourceCount: 4,
  firstPublishedAt: '2026-11-27T10:00:00.000Z',
  lastPublishedAt: '2026-11-27T12:00:00.000Z',
  distribution: { left: 2, center: 1, right: 1, unrated: 0 },
  blindspot: null,
  articles: [
    ['the-guardian', 'lean-left'],
    ['cnn', 'lean-left'],
    ['reuters', 'center'],
    ['national-review', 'right'],
  ].map(([id, lean]) => ({
    url: `https://${id}.example/a`,
    title: 'A headline',
    publishedAt: '2026-11-27T10:00:00.000Z',
    outlet: { id: id ?? '', name: id ?? '', domain: `${id}.example`, lean: lean as 'center' },
  })),
};

describe('the ratings requests of the options page', () => {
  it('starts with the consensus and lists the directory’s raters with their counts', async () => {
    const { ask } = setup();
    const view = await ask<RatingChoicesView>({ type: 'get-rating-choices' });
    expect(view.rater).toBe('coverage-lens');
    expect(view.overrides).toEqual([]);
    expect(view.raters.map((r) => r.name)).toEqual(['coverage-lens', 'allsides', 'mbfc']);
    expect(view.raters[1]?.directoryOutlets).toBeGreaterThan(40);
  });

  it('imports a file, reporting rows accepted and rejected, and offers its rater', async () => {
    const { ask } = setup();
    const report = await ask<ImportReport>({ type: 'import-ratings', text: csv });
    expect(report).toMatchObject({ format: 'csv', accepted: 4, overrides: 0, rejectedCount: 2 });
    expect(report.rejected.map((r) => r.line)).toEqual([6, 7]);
    expect(report.view.raters.find((r) => r.name === 'example-rater')?.importedOutlets).toBe(4);
    const chosen = await ask<RatingChoicesView>({
      type: 'choose-rater',
      rater: 'example-rater',
      fallback: 'consensus',
    });
    expect(chosen.rater).toBe('example-rater');
  });

  it('refuses unknown raters and outlets, and falls back to the consensus when a chosen import is removed', async () => {
    const { ask, refused, store } = setup();
    expect(await refused({ type: 'choose-rater', rater: 'nobody', fallback: 'consensus' })).toBe(true);
    expect(await refused({ type: 'set-override', outletId: 'no-such-outlet', lean: 'left' })).toBe(true);
    await ask({ type: 'import-ratings', text: csv });
    await ask({ type: 'choose-rater', rater: 'example-rater', fallback: 'unrated' });
    const view = await ask<RatingChoicesView>({ type: 'remove-imported', rater: 'example-rater' });
    expect(view.rater).toBe('coverage-lens');
    expect((await store.load()).imported).toEqual([]);
  });

  it('sets and removes overrides, kept in storage.local', async () => {
    const { ask, storage } = setup();
    await ask({ type: 'set-override', outletId: 'cnn', lean: 'center' });
    const view = await ask<RatingChoicesView>({ type: 'set-override', outletId: 'reuters', lean: null });
    expect(view.overrides).toEqual([
      { outletId: 'cnn', lean: 'center' },
      { outletId: 'reuters', lean: null },
    ]);
    expect((await storage.get(RATING_CHOICES_KEY))[RATING_CHOICES_KEY]).toMatchObject({
      overrides: { cnn: 'center', reuters: null },
    });
    const after = await ask<RatingChoicesView>({ type: 'remove-override', outletId: 'cnn' });
    expect(after.overrides).toEqual([{ outletId: 'reuters', lean: null }]);
  });

  it('ignores stored choices that do not parse', async () => {
    const { ask } = setup({ [RATING_CHOICES_KEY]: { rater: 'BAD', overrides: 7 } });
    expect((await ask<RatingChoicesView>({ type: 'get-rating-choices' })).rater).toBe('coverage-lens');
  });
});

describe('applying the choices to what the API answers', () => {
  function client(calls: string[]): LookupClient {
    return {
      lookup: async () => {
        calls.push('lookup');
        return {
          results: [{ story: { ...story, articles: undefined } as never, matchedBy: 'text', score: 1 }],
        };
      },
      getStory: async () => {
        calls.push('story');
        return story;
      },
      checkHealth: async () => 1,
    };
  }

  async function lookUp(setupChoices: (ask: ReturnType<typeof setup>['ask']) => Promise<unknown>) {
    const { ask, store } = setup();
    await setupChoices(ask);
    const calls: string[] = [];
    const chooser = () => chooserOf(store, directory);
    const wrapped = withRatingChoices(client(calls), chooser);
    const { articles: _articles, ...summary } = story;
    const lookUpPage = lookUpWithChoices(async () => ok({ story: summary, matchedBy: 'text', score: 1 }), {
      settings: createSettingsStore(fakeStorageArea()),
      clientFor: () => wrapped,
      chooser,
    });
    const reply = await lookUpPage({ title: 'A headline', isArticle: true }, undefined);
    return { reply, calls, full: await wrapped.getStory('story-1') };
  }

  it('passes the API’s answer through with the default choices, fetching nothing more', async () => {
    const { reply, calls, full } = await lookUp(async () => undefined);
    expect(reply.ok && reply.data.story?.distribution).toEqual(story.distribution);
    expect(calls).toEqual(['story']); // only the explicit getStory below
    expect(full).toEqual(story);
  });

  it('recounts the summary and re-rates the story’s articles with an override and a chosen rater', async () => {
    const { reply, full } = await lookUp(async (ask) => {
      await ask({ type: 'import-ratings', text: csv });
      await ask({ type: 'choose-rater', rater: 'example-rater', fallback: 'consensus' });
      await ask({ type: 'set-override', outletId: 'the-guardian', lean: 'center' });
    });
    // cnn is far right by example-rater; the-guardian is overridden; the others keep the consensus.
    const expected = { left: 0, center: 2, right: 2, unrated: 0 };
    expect(reply.ok && reply.data.story?.distribution).toEqual(expected);
    expect(reply.ok && reply.data.story).not.toHaveProperty('articles');
    expect(full.distribution).toEqual(expected);
    expect(full.blindspot).toBe('left');
    expect(full.articles.map((a) => a.outlet?.lean)).toEqual(['center', 'far-right', 'center', 'right']);
  });
});
