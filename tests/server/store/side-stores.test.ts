import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportedRating } from '../../../src/core/ratings-file.js';
import { afterFailed, emptyHealth } from '../../../src/server/feeds/feed-health.js';
import { openFeedHealthStore } from '../../../src/server/feeds/open-feed-health-store.js';
import { openRatingsStore } from '../../../src/server/ratings/open-ratings-store.js';
import { storeKinds, tempStoreOf } from '../helpers.js';

const rating = (outletId: string, rater: string, lean: ImportedRating['lean']): ImportedRating => ({
  outletId,
  rater,
  lean,
  date: '2026-01',
});

// Feed health and imported ratings live in the store's database, whichever it is.
describe.each(storeKinds())('%s side stores', { timeout: 30_000 }, (kind) => {
  let target: string;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ target, dispose } = await tempStoreOf(kind)));
  afterEach(async () => dispose());

  it('keeps feed health records by URL, a save replacing the earlier record', async () => {
    const health = openFeedHealthStore(target);
    try {
      expect(await health.get('https://b.example/feed')).toBeNull();
      const b = { ...emptyHealth('https://b.example/feed', 'b'), etag: '"v1"', lastItemCount: 12 };
      const a = afterFailed(emptyHealth('https://a.example/rss', 'a'), 1_750_000_000_000, 'http 500');
      await health.save(b);
      await health.save(a);
      expect(await health.get('https://b.example/feed')).toEqual(b);
      expect(await health.all()).toEqual([a, b]);
      const later = { ...b, etag: null, itemsSeen: 40 };
      await health.save(later);
      expect(await health.all()).toEqual([a, later]);
    } finally {
      await health.close();
    }
  });

  it('imports ratings, counting new and replaced, and serves them through a read-only handle', async () => {
    const ratings = openRatingsStore(target);
    const reader = openRatingsStore(target, { readOnly: true });
    try {
      expect(
        await ratings.importRatings([
          rating('reuters', 'acme', 'center'),
          rating('reuters', 'zeta', 'lean-left'),
          rating('reuters', 'unrated-here', null),
        ]),
      ).toEqual({ added: 2, replaced: 0 });
      expect(
        await ratings.importRatings([
          rating('reuters', 'acme', 'lean-right'),
          rating('bbc-news', 'acme', 'center'),
        ]),
      ).toEqual({ added: 1, replaced: 1 });
      expect(await reader.ratingsFor('reuters')).toEqual([
        { rater: 'acme', lean: 'lean-right', date: '2026-01' },
        { rater: 'zeta', lean: 'lean-left', date: '2026-01' },
      ]);
      expect(await reader.ratingsFor('nobody')).toEqual([]);
      await expect(reader.importRatings([rating('reuters', 'acme', 'left')])).rejects.toThrow(/read-?only/i);
      expect((await ratings.ratingsFor('reuters'))[0]?.lean).toBe('lean-right');
    } finally {
      await Promise.all([ratings.close(), reader.close()]);
    }
  });
});
