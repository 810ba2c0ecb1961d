/** The reader's rating choices in `storage.local`, read fresh for each use so changes apply at once. */
import type { Storage } from 'webextension-polyfill';
import { DEFAULT_RATING_CHOICES, RATING_CHOICES_KEY, RatingChoices } from '../../core/rating-choices.js';

export interface RatingChoicesStore {
  load(): Promise<RatingChoices>;
  save(choices: RatingChoices): Promise<void>;
}

export function createRatingChoicesStore(area: Storage.StorageArea): RatingChoicesStore {
  return {
    async load() {
      const stored = await area.get(RATING_CHOICES_KEY);
      // Storage may hold choices from an older version or edited by hand: fall back, never crash.
      const parsed = RatingChoices.safeParse(stored[RATING_CHOICES_KEY]);
      return parsed.success ? parsed.data : DEFAULT_RATING_CHOICES;
    },
    async save(choices) {
      await area.set({ [RATING_CHOICES_KEY]: RatingChoices.parse(choices) });
    },
  };
}
