// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ExtractedPage } from '../../../src/extension/messages.js';
import type { OutletDetails } from '../../../src/extension/outlet-details.js';
import { pageHostOf } from '../../../src/extension/popup/page-outlet.js';
import { story, summary } from '../api-fixtures.js';
import { renderPopup, type Rendered } from './render-popup.js';

const page: ExtractedPage = {
  title: 'Harbour bridge reopens after two-year repair',
  canonicalUrl: 'https://www.coastal-herald.example/news/2025/03/harbour-bridge-reopens/',
  isArticle: true,
};

const herald: OutletDetails = {
  id: 'coastal-herald',
  name: 'The Coastal Herald',
  owner: 'Harbour Media Trust',
  ownership: 'non-profit',
  lean: 'lean-left',
  source: 'service',
  ratings: [
    { rater: 'coverage-lens', lean: 'lean-left', date: '2026-11', basis: 'Two raters agree' },
    { rater: 'mbfc', lean: 'lean-left', label: 'Left-Center', factual: 'mostly-factual', date: '2023-08' },
    { rater: 'acme-ratings', lean: 'center', date: '2024-02-10' },
  ],
};

let shown: Rendered | undefined;
afterEach(() => {
  shown?.unmount();
  shown = undefined;
});

async function showOutlet(outlet: OutletDetails | null | undefined, withStory = true) {
  shown = await renderPopup([{ kind: 'story', page, summary, ...(withStory ? { story } : {}), outlet }]);
  return shown;
}

const $ = (selector: string) => shown?.root.querySelector<HTMLElement>(selector) ?? null;
const $$ = (selector: string) => [...(shown?.root.querySelectorAll<HTMLElement>(selector) ?? [])];
const textOf = (selector: string) => $(selector)?.textContent ?? null;

describe("popup: this page's outlet", () => {
  it('names the owner and each rater with its lean, factual-reporting level, date and basis', async () => {
    await showOutlet(herald);
    expect(textOf('.page-outlet .outlet-name')).toBe('The Coastal Herald');
    expect(textOf('.page-outlet-line .lean')).toBe('Lean left');
    expect(textOf('.outlet-owner')).toBe('Owner: Harbour Media Trust (non-profit)');
    const lines = $$('.outlet-rating').map((li) => li.textContent);
    expect(lines[0]).toMatch(/^Coverage Lens consensus: Lean left; rated \S+ 2026Two raters agree$/);
    expect(lines[1]).toMatch(
      /^Media Bias\/Fact Check: Lean left \(its label: Left-Center\); factual reporting mostly factual; rated \S+ 2023$/,
    );
    // A rater the popup has no name for shows as it is called in the data.
    expect(lines[2]).toMatch(/^acme-ratings: Center; rated \S+ 2024$/);
    expect($$('.outlet-rating time').map((time) => time.getAttribute('datetime'))).toEqual([
      '2026-11',
      '2023-08',
      '2024-02-10',
    ]);
    expect($('.outlet-ratings')?.getAttribute('aria-label')).toBe('Ratings of this outlet, by rater');
    expect($('.outlet-source')).toBeNull();
    expect($('.outlet-no-factual')).toBeNull();
  });

  it('says when no rater gives a factual-reporting level, rather than leaving it out silently', async () => {
    await showOutlet({
      ...herald,
      ratings: [{ rater: 'allsides', lean: 'center', label: 'Center', date: '2022-09' }],
    });
    expect(textOf('.outlet-rating')).toMatch(/^AllSides: Center; rated \S+ 2022$/);
    expect(textOf('.outlet-no-factual')).toBe(
      'None of these raters gives a factual-reporting level for this outlet.',
    );
  });

  it('says when the answer is only the built-in list, offline', async () => {
    await showOutlet({
      id: 'coastal-herald',
      name: 'The Coastal Herald',
      lean: 'lean-left',
      source: 'directory',
      ratings: [{ rater: 'coverage-lens', lean: 'lean-left' }],
    });
    expect($('.outlet-owner')).toBeNull();
    expect(textOf('.outlet-rating')).toBe('Coverage Lens consensus: Lean left');
    expect(textOf('.outlet-source')).toContain('the coverage service did not answer');
  });

  it('says so when no rater has placed the outlet', async () => {
    await showOutlet({ ...herald, lean: null, ratings: [] }, false);
    expect(textOf('.page-outlet-line .lean')).toBe('Unrated');
    expect(textOf('.outlet-unrated')).toBe('No rater has placed this outlet on the spectrum yet.');
  });

  it("shows the lean the split counts, which follows the reader's rating choices", async () => {
    // The story's articles carry the reader's lean for the outlet; the consensus here says center.
    await showOutlet({ ...herald, lean: 'center' });
    expect(textOf('.page-outlet-line .lean')).toBe('Lean left');
  });

  it("falls back to the story's name and lean for a site the directory does not know", async () => {
    await showOutlet(null);
    expect(textOf('.page-outlet .outlet-name')).toBe('The Coastal Herald');
    expect($('.outlet-ratings')).toBeNull();
  });

  it('shows the outlet on a page no other outlet covers yet', async () => {
    shown = await renderPopup([{ kind: 'no-match', page, outlet: herald }]);
    expect(textOf('.no-match h1')).toBe('No other coverage found');
    expect(textOf('.page-outlet .outlet-name')).toBe('The Coastal Herald');
    expect(textOf('.outlet-owner')).toBe('Owner: Harbour Media Trust (non-profit)');
  });

  it('renders owner, labels and bases as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await showOutlet({
      ...herald,
      owner: hostile,
      ratings: [{ rater: '<b>r</b>', lean: 'center', label: hostile, basis: hostile, date: 'soon' }],
    });
    expect($('.page-outlet img, .page-outlet b')).toBeNull();
    expect(textOf('.outlet-owner')).toContain(hostile);
    expect($('.outlet-rating time')).toBeNull();
  });
});

describe('pageHostOf', () => {
  it("takes the canonical address's host, else the tab's, and only host names", () => {
    expect(pageHostOf(page, 'https://other.example/x')).toBe('www.coastal-herald.example');
    expect(pageHostOf({ ...page, canonicalUrl: undefined }, 'https://News.Example./a')).toBe('news.example');
    expect(pageHostOf({ ...page, canonicalUrl: 'not a url' }, undefined)).toBeUndefined();
    expect(pageHostOf({ ...page, canonicalUrl: undefined }, 'chrome://newtab/')).toBeUndefined();
    expect(pageHostOf({ ...page, canonicalUrl: 'http://[::1]/a' }, undefined)).toBeUndefined();
  });
});
