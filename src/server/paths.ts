/** Files the server ships with, found from this module so the CLI works from any working directory. */
import { fileURLToPath } from 'node:url';

const root = (relative: string): string => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

export const PROJECT_ROOT = root('');
export const OUTLETS_FILE = root('data/outlets.json');
export const FEEDS_FILE = root('data/feeds.json');
export const DEMO_CORPUS_FILE = root('data/demo/articles.jsonl');
export const DEMO_PAGES_DIR = root('data/demo/pages');
export const EXTENSION_DIR = root('dist/chrome');
/** Relative to the working directory, as the CLI documents. */
export const DEFAULT_DB_PATH = './.data/coverage.db';
/** Learned matching statistics and model, rebuilt by `npm run train` from ../shared/eval. */
export const TERM_STATS_FILE = root('data/models/term-stats.json');
export const MATCH_MODEL_FILE = root('data/models/matcher.json');
