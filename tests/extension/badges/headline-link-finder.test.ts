// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  findHeadlineLinks,
  headlineLinkFinder,
} from '../../../src/extension/content/extraction/find-headline-links.js';

const PAGE = 'https://www.example-news.test/';
const parse = (body: string) => new DOMParser().parseFromString(`<body>${body}</body>`, 'text/html');
const story = (n: number) =>
  `<article><a href="/news/2026/11/27/harbour-story-${n}"><img alt=""></a>` +
  `<h3><a href="/news/2026/11/27/harbour-story-${n}">Harbour story number ${n} of the day</a></h3></article>`;
const front = (count: number, from = 0) => Array.from({ length: count }, (_, i) => story(from + i)).join('');
const titles = (links: { title: string }[]) => links.map((link) => link.title);

describe('finding headline links a pass at a time', () => {
  it('gives in passes the links one scan of the page gives, each once', () => {
    const doc = parse(`<nav>${front(2, 100)}</nav><main>${front(25)}</main>`);
    const whole = findHeadlineLinks(doc, PAGE, { max: 100 });
    expect(whole).toHaveLength(25);
    const finder = headlineLinkFinder(doc, PAGE);
    const passes = [finder.next(4), finder.next(4), finder.next(8), finder.next(100), finder.next(10)];
    expect(passes.map((pass) => pass.length)).toEqual([4, 4, 8, 9, 0]);
    expect(passes.flat()).toEqual(whole);
  });

  it("keeps a card's heading link over its image link, and the link a pass ended on", () => {
    const doc = parse(`<main>${front(3)}</main>`);
    const finder = headlineLinkFinder(doc, PAGE);
    const [first] = finder.next(1);
    // The image link comes first; its heading link, before the next story, takes its place.
    expect(first?.element.closest('h3')).not.toBeNull();
    expect(titles(finder.next(5))).toEqual([
      'Harbour story number 1 of the day',
      'Harbour story number 2 of the day',
    ]);
  });

  it('goes on where the last pass stopped after the page changed above it, or from the top once that link is gone', () => {
    const doc = parse(`<main id="main">${front(6)}</main>`);
    const main = doc.getElementById('main') as HTMLElement;
    const finder = headlineLinkFinder(doc, PAGE);
    expect(titles(finder.next(2))).toHaveLength(2);
    main.insertAdjacentHTML('afterbegin', story(50)); // eslint-disable-line no-restricted-syntax -- the test's own markup
    expect(titles(finder.next(2))).toEqual([
      'Harbour story number 2 of the day',
      'Harbour story number 3 of the day',
    ]);
    for (const article of [...main.children].slice(0, 5)) article.remove();
    // From the top again, without the stories given before.
    expect(titles(finder.next(10))).toEqual([
      'Harbour story number 4 of the day',
      'Harbour story number 5 of the day',
    ]);
    main.insertAdjacentHTML('beforeend', story(60)); // eslint-disable-line no-restricted-syntax -- the test's own markup
    expect(titles(finder.next(10))).toEqual(['Harbour story number 60 of the day']);
  });
});
