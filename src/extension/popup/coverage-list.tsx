/**
 * Other outlets' takes: tabs by side, a sort order, and the articles page by page. Each item shows
 * its outlet with a lean badge, the headline as an https link in a new tab, the lead clamped to two
 * lines, and how long ago; the reader's own article is marked.
 */
import { useState } from 'preact/hooks';
import type { Story, StoryArticle } from '../../core/contract.js';
import { httpsUrlOf } from '../../core/https-url.js';
import type { ExtractedPage, ReplyError } from '../messages.js';
import { t, type MessageKey } from './i18n.js';
import { LeanBadge } from './lean-badge.js';
import { sameArticleAs } from './same-article.js';
import { panelId, SideTabs, tabId } from './side-tabs.js';
import { SkeletonArticles } from './skeleton-view.js';
import { articlesOnTab, countsPerTab, sortArticles, type SortOrder, type Tab } from './story-facts.js';
import { timeAgo } from './time-ago.js';

/** Articles drawn at once; a long story pages on with "Show more" rather than drawing hundreds. */
export const PAGE_SIZE = 20;

const EMPTY: Record<Exclude<Tab, 'all'>, MessageKey> = {
  left: 'noArticlesLeft',
  center: 'noArticlesCenter',
  right: 'noArticlesRight',
};

interface Props {
  page: ExtractedPage | undefined;
  story: Story | undefined;
  error: ReplyError | undefined;
  now: number;
}

export function CoverageList({ page, story, error, now }: Props) {
  const [tab, setTab] = useState<Tab>('all');
  const [order, setOrder] = useState<SortOrder>('time');
  const [shown, setShown] = useState(PAGE_SIZE);
  if (error) return <p class="detail coverage-error">{t('coverageError')}</p>;
  if (!story) return <SkeletonArticles />;
  const articles = sortArticles(articlesOnTab(story.articles, tab), order);
  const rest = articles.length - shown;
  const isPage = sameArticleAs(page?.canonicalUrl);
  return (
    <section class="coverage" aria-labelledby="coverage-heading">
      <div class="coverage-head">
        <h2 id="coverage-heading">{t('coverageHeading')}</h2>
        <label class="sort">
          {t('sortLabel')}{' '}
          <select
            value={order}
            onChange={(e) => setOrder(e.currentTarget.value === 'side' ? 'side' : 'time')}
          >
            <option value="time">{t('sortTime')}</option>
            <option value="side">{t('sortSide')}</option>
          </select>
        </label>
      </div>
      <SideTabs
        selected={tab}
        counts={countsPerTab(story.articles)}
        onSelect={(next) => {
          setTab(next);
          setShown(PAGE_SIZE);
        }}
      />
      <div id={panelId} role="tabpanel" aria-labelledby={tabId(tab)}>
        {articles.length === 0 && tab !== 'all' ? (
          <p class="detail empty-side">{t(EMPTY[tab])}</p>
        ) : (
          <ol class="articles">
            {articles.slice(0, shown).map((article, index) => (
              <ArticleItem
                key={`${article.url ?? ''}-${index}`}
                article={article}
                current={isPage(article.url)}
                now={now}
              />
            ))}
          </ol>
        )}
        {rest > 0 && (
          <button type="button" class="show-more" onClick={() => setShown(shown + PAGE_SIZE)}>
            {t('showMore', Math.min(rest, PAGE_SIZE))}
          </button>
        )}
      </div>
    </section>
  );
}

function ArticleItem({ article, current, now }: { article: StoryArticle; current: boolean; now: number }) {
  const href = httpsUrlOf(article.url);
  return (
    <li class={current ? 'article current' : 'article'} aria-current={current ? 'page' : undefined}>
      <div class="outlet">
        <span class="outlet-name">{article.outlet?.name ?? t('unknownOutlet')}</span>
        <LeanBadge lean={article.outlet?.lean ?? null} />
        <time class="ago" dateTime={article.publishedAt}>
          {timeAgo(article.publishedAt, now)}
        </time>
      </div>
      {current && <p class="you-are-here">{t('youAreHere')}</p>}
      {href ? (
        <a class="headline" href={href} target="_blank" rel="noopener noreferrer">
          {article.title}
          <span class="visually-hidden"> {t('opensInNewTab')}</span>
        </a>
      ) : (
        <span class="headline">{article.title}</span>
      )}
      {article.description && <p class="lead">{article.description}</p>}
    </li>
  );
}
