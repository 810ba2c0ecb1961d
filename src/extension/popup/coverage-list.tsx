/** The other outlets' headlines, each with its outlet and lean; the reader's own article is marked. */
import { foldToSide } from '../../core/bias-scale.js';
import type { Story, StoryArticle } from '../../core/contract.js';
import type { ExtractedPage, ReplyError } from '../messages.js';
import { httpsHref } from './https-link.js';
import { leanLabel } from './lean-label.js';
import { isSameArticle } from './same-article.js';

interface Props {
  page: ExtractedPage;
  story: Story | undefined;
  error: ReplyError | undefined;
}

export function CoverageList({ page, story, error }: Props) {
  if (error) return <p class="detail coverage-error">Couldn't load the list of articles.</p>;
  if (!story) return <p class="detail">Loading the coverage…</p>;
  return (
    <section class="coverage">
      <h2>Coverage</h2>
      <ol class="articles">
        {story.articles.map((article, index) => (
          <ArticleItem
            key={`${index}-${article.url ?? ''}`}
            article={article}
            current={isSameArticle(article.url, page.canonicalUrl)}
          />
        ))}
      </ol>
    </section>
  );
}

function ArticleItem({ article, current }: { article: StoryArticle; current: boolean }) {
  const lean = article.outlet?.lean ?? null;
  const side = lean === null ? 'unrated' : foldToSide(lean);
  const href = httpsHref(article.url);
  return (
    <li class={current ? 'article current' : 'article'}>
      <div class="outlet">
        <span class={`dot side-${side}`} aria-hidden="true" />
        <span class="outlet-name">{article.outlet?.name ?? 'Unknown outlet'}</span>
        <span class="lean">{leanLabel(lean)}</span>
        {current && <span class="you-are-here">You're reading this</span>}
      </div>
      {href ? (
        <a class="headline" href={href} target="_blank" rel="noopener noreferrer">
          {article.title}
        </a>
      ) : (
        <span class="headline">{article.title}</span>
      )}
    </li>
  );
}
