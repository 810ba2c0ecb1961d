// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExtractedPage } from '../../../src/extension/messages.js';
import { PAGE_SIZE } from '../../../src/extension/popup/coverage-list.js';
import type { PopupState } from '../../../src/extension/popup/popup-state.js';
import { story, summary } from '../api-fixtures.js';
import { bigStory } from './big-story.js';
import { renderPopup, type Rendered } from './render-popup.js';

const page: ExtractedPage = {
  title: 'Harbour bridge reopens after two-year repair',
  canonicalUrl: 'https://www.coastal-herald.example/news/2025/03/harbour-bridge-reopens/',
  isArticle: true,
};
const bigPage: ExtractedPage = {
  title: 'x',
  canonicalUrl: 'https://outlet-3.example/news/3',
  isArticle: true,
};

let shown: Rendered | undefined;
afterEach(() => {
  shown?.unmount();
  shown = undefined;
  vi.useRealTimers();
});

async function show(...args: Parameters<typeof renderPopup>) {
  shown = await renderPopup(...args);
  return shown;
}

const $ = (selector: string) => shown?.root.querySelector<HTMLElement>(selector) ?? null;
const $$ = (selector: string) => [...(shown?.root.querySelectorAll<HTMLElement>(selector) ?? [])];
const textOf = (selector: string) => $(selector)?.textContent ?? null;

function key(target: HTMLElement | null, name: string) {
  return act(() => {
    target?.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
  });
}

describe('popup: the story', () => {
  it('shows title, sources, first reporter, split with counts and the blindspot explained', async () => {
    const { loads } = await show([{ kind: 'story', page, summary, story }]);
    expect(loads).toEqual([42]);
    expect(textOf('.story-title')).toBe(summary.title);
    expect(textOf('.source-count')).toBe('4 sources');
    expect(textOf('.first-reported')).toMatch(/^First reported .+ by The Coastal Herald, latest .+$/);
    expect(textOf('.legend-left')).toBe('Left 50% (2 outlets)');
    expect(textOf('.legend-center')).toBe('Center 25% (1 outlet)');
    expect(textOf('.legend-right')).toBe('Right 0% (0 outlets)');
    expect(textOf('.legend-unrated')).toBe('Unrated 25% (1 outlet)');
    expect($$('.split-bar .segment')).toHaveLength(3);
    expect(textOf('.blindspot-title')).toContain('few right-leaning outlets');
    expect(textOf('.blindspot-explain')).toContain('under 20% of the rated sources');
  });

  it('reads the bar to screen readers as numbers, and never hides unrated sources', async () => {
    await show([
      {
        kind: 'story',
        page,
        summary: { ...summary, distribution: { left: 1, center: 1, right: 1, unrated: 0 } },
      },
    ]);
    const bar = $('.split-bar');
    expect(bar?.getAttribute('role')).toBe('img');
    expect(bar?.getAttribute('aria-label')).toBe(
      'Left: 34%, 1 outlet; Center: 33%, 1 outlet; Right: 33%, 1 outlet; Unrated: 0%, 0 outlets',
    );
    expect(textOf('.legend-unrated')).toBe('Unrated 0% (0 outlets)');
  });

  it('details the seven steps, one count per outlet', async () => {
    await show([{ kind: 'story', page, summary, story }]);
    const rows = $$('.seven-steps tr').map((tr) => [
      tr.querySelector('th')?.textContent,
      tr.querySelector('.step-count')?.textContent,
    ]);
    expect(rows).toEqual([
      ['Far left', '0'],
      ['Left', '1'],
      ['Lean left', '1'],
      ['Center', '1'],
      ['Lean right', '0'],
      ['Right', '0'],
      ['Far right', '0'],
      ['Unrated', '1'],
    ]);
  });

  it("names this page's outlet with its lean", async () => {
    await show([{ kind: 'story', page, summary, story }]);
    expect(textOf('.page-outlet .outlet-name')).toBe('The Coastal Herald');
    expect(textOf('.page-outlet .lean')).toBe('Lean left');
  });

  it("shows a story opened by id with no page of the reader's: no outlet, no article marked", async () => {
    await show([{ kind: 'story', summary, story }]);
    expect(textOf('.story-title')).toBe(summary.title);
    expect($$('.article')).toHaveLength(story.articles.length);
    expect($('.page-outlet')).toBeNull();
    expect($('.article.current')).toBeNull();
  });

  it('links only https headlines, in a new tab, and marks the reader’s own article', async () => {
    await show([{ kind: 'story', page, summary, story }]);
    const links = $$('a.headline');
    expect(links.map((a) => a.getAttribute('href')).sort()).toEqual([
      'https://coastal-herald.example/news/2025/03/harbour-bridge-reopens',
      'https://metro.example/bridge',
    ]);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    const current = $$('.article.current');
    expect(current).toHaveLength(1);
    expect(current[0]?.getAttribute('aria-current')).toBe('page');
    expect(current[0]?.querySelector('.outlet-name')?.textContent).toBe('The Coastal Herald');
    expect(current[0]?.textContent).toContain("You're reading this");
    const names = $$('.article .outlet-name').map((n) => n.textContent);
    expect(names).toContain('Unknown outlet');
    const insecure = $$('.article').find((li) => li.textContent?.includes('Insecure Times'));
    expect(insecure?.querySelector('a')).toBeNull();
  });

  it('renders API text as text, never as markup', async () => {
    const hostile = {
      ...story,
      articles: [{ ...story.articles[1]!, title: '<img src=x onerror=alert(1)>' }],
    };
    await show([{ kind: 'story', page, summary: { ...summary, title: '<b>bold</b>' }, story: hostile }]);
    expect($('img, b')).toBeNull();
    expect(textOf('.story-title')).toBe('<b>bold</b>');
  });

  it('shows the summary with placeholder rows while the articles load', async () => {
    await show([{ kind: 'story', page, summary }]);
    expect(textOf('.story-title')).toBe(summary.title);
    expect($$('.skeleton .article')).toHaveLength(4);
    expect($('.skeleton')?.getAttribute('aria-hidden')).toBe('true');
    expect($('.article .outlet-name')).toBeNull();
  });

  it('says when the article list could not be loaded', async () => {
    const storyError = { code: 'unreachable' as const, message: 'down' };
    await show([{ kind: 'story', page, summary, storyError }]);
    expect(textOf('.coverage-error')).toBe("Couldn't load the list of articles.");
  });
});

describe('popup: tabs, sorting, paging', () => {
  const bigState: PopupState = { kind: 'story', page: bigPage, summary: bigStory, story: bigStory };

  it('counts articles per side on the tabs and filters by side', async () => {
    await show([bigState]);
    expect($$('[role=tab]').map((tab) => tab.textContent)).toEqual([
      'All 25',
      'Left 5',
      'Center 3',
      'Right 4',
    ]);
    await act(() => $('#tab-right')?.click());
    expect($$('.article .lean').map((b) => b.textContent)).toEqual(Array(4).fill('Right'));
    expect($('[role=tabpanel]')?.getAttribute('aria-labelledby')).toBe('tab-right');
  });

  it('moves between tabs with arrow keys, Home and End, with one tab in the Tab order', async () => {
    await show([bigState]);
    const tabIndexes = () => $$('[role=tab]').map((tab) => tab.tabIndex);
    expect(tabIndexes()).toEqual([0, -1, -1, -1]);
    await key($('#tab-all'), 'ArrowRight');
    expect($('#tab-left')?.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement?.id).toBe('tab-left');
    expect(tabIndexes()).toEqual([-1, 0, -1, -1]);
    await key($('#tab-left'), 'ArrowLeft');
    await key($('#tab-all'), 'ArrowLeft');
    expect(document.activeElement?.id).toBe('tab-right');
    await key($('#tab-right'), 'Home');
    expect(document.activeElement?.id).toBe('tab-all');
    await key($('#tab-all'), 'End');
    expect($('#tab-right')?.getAttribute('aria-selected')).toBe('true');
    await key($('#tab-right'), 'a');
    expect($('#tab-right')?.getAttribute('aria-selected')).toBe('true');
  });

  it('says so when a side has no coverage', async () => {
    await show([{ kind: 'story', page, summary, story }]);
    await act(() => $('#tab-right')?.click());
    expect(textOf('.empty-side')).toBe('No right-leaning outlet covers this story yet.');
  });

  it('sorts newest first, or by side along the scale', async () => {
    await show([bigState]);
    const names = () => $$('.article .outlet-name').map((n) => n.textContent);
    expect(names().slice(0, 3)).toEqual(['Outlet 24', 'Outlet 23', 'Outlet 22']);
    const select = $('.sort select') as HTMLSelectElement;
    await act(() => {
      select.value = 'side';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const leans = $$('.article .lean').map((b) => b.textContent);
    expect(leans.slice(0, 12)).toEqual([
      ...Array(5).fill('Lean left'),
      ...Array(3).fill('Center'),
      ...Array(4).fill('Right'),
    ]);
    expect(names()[0]).toBe('Outlet 4');
  });

  it('draws a page of articles at a time', async () => {
    await show([bigState]);
    expect($$('.article')).toHaveLength(PAGE_SIZE);
    expect(textOf('.show-more')).toBe('Show 5 more');
    await act(() => $('.show-more')?.click());
    expect($$('.article')).toHaveLength(25);
    expect($('.show-more')).toBeNull();
  });

  it('clamps the lead and gives the time ago', async () => {
    await show([bigState]);
    await act(() => $('.show-more')?.click());
    const first = $$('.article').find((li) => li.querySelector('.outlet-name')?.textContent === 'Outlet 0');
    expect(first?.querySelector('.lead')?.textContent).toContain('A long lead from the feed.');
    expect(first?.querySelector('time')?.getAttribute('datetime')).toBe('2025-03-14T00:00:00.000Z');
    expect(first?.querySelector('time')?.textContent).toBe('13 hours ago');
  });

  it('shows how each side frames the story when there are enough headlines', async () => {
    await show([bigState]);
    const words = (side: string) => $$(`.framing-${side} .framing-word`).map((w) => w.textContent);
    expect(words('left')).toEqual(expect.arrayContaining(['crackdown', 'protesters']));
    expect(words('right')).toEqual(expect.arrayContaining(['rioters', 'order']));
    expect(words('center')).toEqual(['protest']);
  });

  it('leaves framing out when there is too little text', async () => {
    await show([{ kind: 'story', page, summary, story }]);
    expect($('.framing')).toBeNull();
  });

  it('leaves framing out when no side words it differently', async () => {
    const alike = {
      ...bigStory,
      articles: bigStory.articles.map((a, i) => ({
        ...a,
        title: `Night of protest number ${i % 3} in the capital`,
      })),
    };
    await show([{ kind: 'story', page: bigPage, summary: alike, story: alike }]);
    expect($('.framing')).toBeNull();
  });
});

describe('popup: the other states', () => {
  it('shows a skeleton while loading, then says when it is slow and offers a retry', async () => {
    vi.useFakeTimers();
    const { loads } = await show([], { slowAfterMs: 2000 });
    expect(textOf('[role=status]')).toBe('Looking for other coverage…');
    expect($('.skeleton .bone-title')).not.toBeNull();
    expect($('main')?.getAttribute('aria-busy')).toBe('true');
    await act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(textOf('[role=status]')).toContain('taking longer than usual');
    await act(() => $('.retry')?.click());
    expect(loads).toEqual([42, 42]);
  });

  it('says when no other coverage was found', async () => {
    const { text } = await show([{ kind: 'no-match', page }]);
    expect(text()).toContain('No other coverage found');
    expect(text()).toContain('“Harbour bridge reopens after two-year repair”');
    expect($('button')).toBeNull();
  });

  it('says when the page is not an article', async () => {
    const { text } = await show([{ kind: 'error', error: { code: 'not-article', message: '' } }]);
    expect(text()).toContain("This doesn't look like a news article");
    expect($('button')).toBeNull();
  });

  it('offers a retry when the service cannot be reached, and retries', async () => {
    const { loads, text } = await show([{ kind: 'error', error: { code: 'unreachable', message: 'down' } }]);
    expect(text()).toContain("Couldn't reach the coverage service");
    expect($('[role=alert]')).not.toBeNull();
    await act(() => $('button.retry')?.click());
    expect(loads).toEqual([42, 42]);
  });

  it('asks for access to the site when it is needed, and looks again once granted', async () => {
    const { loads, allowed, text } = await show([{ kind: 'permission', origin: 'https://news.example' }]);
    expect(text()).toContain('Coverage Lens needs your permission');
    expect(text()).toContain('may not read pages on news.example yet');
    await act(async () => $('button.primary')?.click());
    expect(allowed).toEqual(['https://news.example']);
    expect(loads).toEqual([42, 42]);
  });

  it('stays put when the reader declines access', async () => {
    const { loads, allowed } = await show([{ kind: 'permission', origin: 'https://news.example' }], {
      grant: false,
    });
    await act(async () => $('button.primary')?.click());
    expect(allowed).toEqual(['https://news.example']);
    expect(loads).toEqual([42]);
  });
});
