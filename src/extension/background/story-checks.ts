/**
 * Checks the wire schema cannot express: numbers that must agree with each other. A summary whose
 * counts do not add up is as untrustworthy as one that fails the schema, and draws nothing.
 */
import { blindspotOf } from '../../core/bias-distribution.js';
import type { LookupResult, StorySummary } from '../../core/contract.js';

export function isCoherentSummary(summary: StorySummary): boolean {
  const { left, center, right, unrated } = summary.distribution;
  return (
    summary.sourceCount === left + center + right + unrated &&
    summary.sourceCount > 0 &&
    // The blindspot is derived from the split; a different one means the split is not the story's.
    summary.blindspot === blindspotOf(summary.distribution) &&
    Date.parse(summary.firstPublishedAt) <= Date.parse(summary.lastPublishedAt)
  );
}

/** A story comes with how it matched, and no match comes with no story. */
export function isCoherentResult(result: LookupResult): boolean {
  if (result.story === null) return result.matchedBy === null;
  return result.matchedBy !== null && isCoherentSummary(result.story);
}
