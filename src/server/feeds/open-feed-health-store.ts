import { isPostgresUrl } from '../store/postgres-connection.js';
import type { FeedHealthStore } from './feed-health-store.js';
import { PostgresFeedHealthStore } from './postgres-feed-health-store.js';
import { SqliteFeedHealthStore } from './sqlite-feed-health-store.js';

/** The feed health records of the store at `target` (a SQLite path or a postgres:// URL), migrated by `openStore`. */
export function openFeedHealthStore(target: string): FeedHealthStore {
  return isPostgresUrl(target) ? new PostgresFeedHealthStore(target) : new SqliteFeedHealthStore(target);
}
