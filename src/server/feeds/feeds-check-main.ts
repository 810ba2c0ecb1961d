/**
 * `npm run feeds:check [-- --feeds-file PATH] [--json]`: fetches every feed of the list once and
 * prints a table of which answer. Informational: exits 0 whatever the feeds say (1 on an unreadable
 * list, 2 on bad usage).
 */
import { parseArgs } from 'node:util';
import { FEEDS_FILE } from '../paths.js';
import { checkFeeds } from './check-feeds.js';
import { feedTargets, loadFeedList } from './feed-list.js';
import { FEED_DEFAULTS } from './fetch-feed.js';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'feeds-file': { type: 'string', default: FEEDS_FILE },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`feeds:check: ${(error as Error).message}`);
    return 2;
  }
  let targets;
  try {
    targets = feedTargets(await loadFeedList(values['feeds-file']));
  } catch (error) {
    console.error(`feeds:check: ${(error as Error).message}`);
    return 1;
  }
  console.error(`checking ${targets.length} feeds, ${FEED_DEFAULTS.concurrency} at a time…`);
  const checks = await checkFeeds(targets, { ...FEED_DEFAULTS, timeoutMs: 15_000 });
  const ok = checks.filter((c) => c.status === 'ok').length;
  if (values.json) {
    console.log(JSON.stringify({ feeds: checks.length, ok, checks }, null, 2));
    return 0;
  }
  // Failures first: they are what someone running this wants to read.
  const rows = [...checks].sort((a, b) => Number(a.status === 'ok') - Number(b.status === 'ok'));
  for (const c of rows) {
    console.log(
      `${c.status.padEnd(18)} ${(c.format ?? '-').padEnd(5)} ${String(c.items).padStart(4)}  ${c.outlet.padEnd(28)} ${c.url}`,
    );
  }
  const outlets = new Set(checks.filter((c) => c.status === 'ok').map((c) => c.outlet)).size;
  console.log(`\n${ok} of ${checks.length} feeds answer with a feed document (${outlets} outlets)`);
  return 0;
}

process.exitCode = await main();
