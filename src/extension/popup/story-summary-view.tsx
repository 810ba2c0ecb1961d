/** The story's headline facts: title, number of sources, the split by side and any blindspot. */
import type { StorySummary } from '../../core/contract.js';
import { SplitBar } from './split-bar.js';

export function StorySummaryView({ summary }: { summary: StorySummary }) {
  return (
    <section class="summary">
      <h1 class="story-title">{summary.title}</h1>
      <p class="source-count">
        {summary.sourceCount} {summary.sourceCount === 1 ? 'source' : 'sources'}
      </p>
      <SplitBar distribution={summary.distribution} />
      {summary.blindspot && (
        <p class={`blindspot blindspot-${summary.blindspot}`} role="note">
          <strong>Blindspot:</strong> few {summary.blindspot}-leaning outlets cover this story.
        </p>
      )}
    </section>
  );
}
