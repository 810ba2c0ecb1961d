// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/extension/popup/app.js';
import type { PopupState } from '../../src/extension/popup/popup-state.js';
import type { ExtractedPage } from '../../src/extension/messages.js';
import { story, summary } from './api-fixtures.js';

const page: ExtractedPage = {
  title: 'Harbour bridge reopens after two-year repair',
  canonicalUrl: 'https://www.coastal-herald.example/news/2025/03/harbour-bridge-reopens/',
  isArticle: true,
};

let root: HTMLElement;

afterEach(() => {
  render(null, root);
  root.remove();
});

/** Renders the popup with a data layer that reports the given states, and counts its loads. */
async function show(...states: PopupState[]) {
  root = document.createElement('div');
  document.body.append(root);
  const loads: number[] = [];
  await act(async () => {
    render(
      h(App, {
        tabId: async () => 42,
        load: async (tabId, onUpdate) => {
          loads.push(tabId);
          for (const state of states) onUpdate(state);
        },
      }),
      root,
    );
  });
  return { loads, text: () => root.textContent ?? '' };
}

describe('popup', () => {
  it('shows the story: title, sources, split with counts, blindspot', async () => {
    const { loads, text } = await show({ kind: 'story', page, summary, story });
    expect(loads).toEqual([42]);
    expect(root.querySelector('.story-title')?.textContent).toBe(summary.title);
    expect(root.querySelector('.source-count')?.textContent).toBe('4 sources');
    expect(root.querySelector('.legend-left')?.textContent).toBe('Left 50% (2 outlets)');
    expect(root.querySelector('.legend-center')?.textContent).toBe('Center 25% (1 outlet)');
    expect(root.querySelector('.legend-right')?.textContent).toBe('Right 0% (0 outlets)');
    expect(root.querySelector('.legend-unrated')?.textContent).toBe('Unrated 25% (1 outlet)');
    expect(root.querySelectorAll('.split-bar .segment')).toHaveLength(3);
    expect(root.querySelector('.blindspot')?.textContent).toContain('few right-leaning outlets');
    expect(text()).toContain('Coverage');
  });

  it('links only https headlines, in a new tab, and marks the reader’s own article', async () => {
    await show({ kind: 'story', page, summary, story });
    const items = [...root.querySelectorAll('.article')];
    expect(items).toHaveLength(4);
    const links = [...root.querySelectorAll('a.headline')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://coastal-herald.example/news/2025/03/harbour-bridge-reopens',
      'https://metro.example/bridge',
    ]);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(items[2]?.querySelector('a')).toBeNull();
    expect(items[2]?.querySelector('.headline')?.textContent).toBe('Insecure outlet covers the bridge');
    expect(items[3]?.querySelector('.outlet-name')?.textContent).toBe('Unknown outlet');
    expect(items[0]?.classList.contains('current')).toBe(true);
    expect(root.querySelectorAll('.article.current')).toHaveLength(1);
    expect(items[1]?.querySelector('.lean')?.textContent).toBe('Center');
  });

  it('renders API text as text, never as markup', async () => {
    const hostile = {
      ...story,
      articles: [{ ...story.articles[1]!, title: '<img src=x onerror=alert(1)>' }],
    };
    await show({ kind: 'story', page, summary: { ...summary, title: '<b>bold</b>' }, story: hostile });
    expect(root.querySelector('img, b')).toBeNull();
    expect(root.querySelector('.story-title')?.textContent).toBe('<b>bold</b>');
  });

  it('shows the summary while the articles load', async () => {
    const { text } = await show({ kind: 'story', page, summary });
    expect(text()).toContain('Loading the coverage');
    expect(root.querySelector('.article')).toBeNull();
  });

  it('says when no other coverage was found', async () => {
    const { text } = await show({ kind: 'no-match', page });
    expect(text()).toContain('No other coverage found');
    expect(root.querySelector('button')).toBeNull();
  });

  it('says when the page is not an article', async () => {
    const { text } = await show({ kind: 'error', error: { code: 'not-article', message: '' } });
    expect(text()).toContain("This doesn't look like a news article");
  });

  it('offers a retry when the service cannot be reached, and retries', async () => {
    const { loads, text } = await show({ kind: 'error', error: { code: 'unreachable', message: 'down' } });
    expect(text()).toContain("Couldn't reach the coverage service");
    const retry = root.querySelector('button');
    expect(retry?.textContent).toBe('Retry');
    await act(async () => retry?.click());
    expect(loads).toEqual([42, 42]);
  });
});
