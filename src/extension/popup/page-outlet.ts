/** Which of the story's outlets published the page the reader is on. Pure. */
import type { Story, StoryArticle } from '../../core/contract.js';
import type { ExtractedPage } from '../messages.js';
import { sameArticleAs } from './same-article.js';

export function pageOutletOf(page: ExtractedPage, story: Story): NonNullable<StoryArticle['outlet']> | null {
  const isPage = sameArticleAs(page.canonicalUrl);
  const same = story.articles.find((a) => a.outlet !== null && isPage(a.url));
  if (same?.outlet) return same.outlet;
  if (!page.canonicalUrl || !URL.canParse(page.canonicalUrl)) return null;
  const host = new URL(page.canonicalUrl).hostname.replace(/^www\./, '');
  const onHost = story.articles.find((a) => {
    const domain = a.outlet?.domain;
    return domain !== undefined && (host === domain || host.endsWith(`.${domain}`));
  });
  return onHost?.outlet ?? null;
}

/**
 * The host whose outlet the popup asks about: the page's canonical address, else the tab's. Only
 * a host name, lower case, goes to the background; undefined when there is none.
 */
export function pageHostOf(page: ExtractedPage, tabUrl: string | undefined): string | undefined {
  const url = [page.canonicalUrl, tabUrl].find((u) => u !== undefined && URL.canParse(u));
  const host = url === undefined ? '' : new URL(url).hostname.replace(/\.$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : undefined;
}
