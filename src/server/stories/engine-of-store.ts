import { loadMatchModel } from '../matching/match-model.js';
import { loadBackgroundStatistics } from '../matching/term-statistics.js';
import { MATCH_MODEL_FILE, TERM_STATS_FILE } from '../paths.js';
import type { Store } from '../store/store.js';
import { StoryEngine } from './story-engine.js';

// One matching index per open store in a process: ingest (files, feeds) and lookups share it, so
// callers keep passing the store alone.
const engines = new WeakMap<Store, Promise<StoryEngine>>();

/**
 * The story engine of `store`, with the shipped model and term statistics, created and caught up
 * with the store on first use.
 */
export function storyEngineOf(store: Store): Promise<StoryEngine> {
  let engine = engines.get(store);
  if (engine === undefined) {
    engine = (async () => {
      const created = new StoryEngine(store, {
        model: loadMatchModel(MATCH_MODEL_FILE),
        background: loadBackgroundStatistics(TERM_STATS_FILE),
      });
      await created.catchUp();
      return created;
    })();
    engines.set(store, engine);
    engine.catch(() => engines.delete(store));
  }
  return engine;
}
