/** The story's headline facts: title, short summary, number of sources, when and by whom first reported. */
import type { Story, StorySummary } from '../../core/contract.js';
import { plural, t } from './i18n.js';
import { firstArticle } from './story-facts.js';
import { timeAgo } from './time-ago.js';

export function StoryHeader({ summary, story, now }: { summary: StorySummary; story?: Story; now: number }) {
  const first = story ? firstArticle(story.articles) : undefined;
  const firstAgo = timeAgo(summary.firstPublishedAt, now);
  const firstBy = first?.outlet?.name;
  return (
    <header class="story">
      {/* Element Timing: `npm run bench -- popup` reads when the browser paints the title. */}
      <h1 class="story-title" elementtiming="story-title">
        {summary.title}
      </h1>
      {summary.summary && <p class="story-summary">{summary.summary}</p>}
      <p class="story-meta">
        <span class="source-count">{plural(summary.sourceCount, 'sourceCountOne', 'sourceCountOther')}</span>
        <span class="first-reported">
          {firstBy ? t('firstReportedBy', firstAgo, firstBy) : t('firstReported', firstAgo)}
          {summary.lastPublishedAt !== summary.firstPublishedAt &&
            `, ${t('latestUpdate', timeAgo(summary.lastPublishedAt, now))}`}
        </span>
      </p>
    </header>
  );
}
