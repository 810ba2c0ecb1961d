import type { IngestSummary } from '../ingest/ingest-articles.js';
import type { FeedRunSummary } from '../feeds/ingest-feeds.js';

const count = (n: number): string => n.toLocaleString('en-US');

/** `read 1,204, added 1,180, duplicates 20, rejected 4 (invalid-json 3, empty-title 1), …`: pure. */
export function ingestSummaryText(summary: IngestSummary): string {
  const reasons = Object.entries(summary.rejected).sort(([, a], [, b]) => b - a);
  const rejected = reasons.reduce((total, [, n]) => total + n, 0);
  const why =
    reasons.length === 0 ? '' : ` (${reasons.map(([reason, n]) => `${reason} ${count(n)}`).join(', ')})`;
  return [
    `read ${count(summary.read)}`,
    `added ${count(summary.added)}`,
    `duplicates ${count(summary.duplicates)}`,
    `rejected ${count(rejected)}${why}`,
    `stories created ${count(summary.storiesCreated)}`,
    `merged ${count(summary.storiesMerged)}`,
    `elapsed ${(summary.elapsedMs / 1000).toFixed(1)} s`,
  ].join(', ');
}

/** `250 feeds: 231 fetched, 12 not modified, 7 failed; read …`: pure. */
export function feedRunText(summary: FeedRunSummary): string {
  return `${count(summary.feeds)} feeds: ${count(summary.fetched)} fetched, ${count(summary.notModified)} not modified, ${count(summary.failed)} failed; ${ingestSummaryText(summary.ingest)}`;
}
