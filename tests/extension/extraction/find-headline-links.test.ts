// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findHeadlineLinks } from '../../../src/extension/content/extraction/find-headline-links.js';
import { FIXTURES, loadFixture } from './fixtures.js';

describe('findHeadlineLinks on listing fixtures', () => {
  it.each(FIXTURES.filter((f) => f.links).map((f) => [f.file, f] as const))('%s', (_file, fixture) => {
    const links = findHeadlineLinks(loadFixture(fixture.file), fixture.url);
    expect(links.map((l) => l.title)).toEqual(fixture.links);
    for (const link of links) {
      expect(link.element.tagName).toBe('A');
      expect(link.url).not.toMatch(/utm_|#/);
    }
  });
});

describe('findHeadlineLinks', () => {
  const page = (body: string) => new DOMParser().parseFromString(`<body>${body}</body>`, 'text/html');

  it('skips calls to action, section links, image-only links and menus', () => {
    const doc = page(`
      <nav><a href="/news/2024/05/01/storm-hits-the-coast-overnight">Storm hits the coast overnight</a></nav>
      <a href="/news/">News</a>
      <a href="/news/2024/05/01/storm-hits-the-coast-overnight"><img src="a.jpg" alt="Storm"></a>
      <a href="/news/2024/05/01/storm-hits-the-coast-overnight">Read more</a>
      <a href="/news/2024/05/01/storm-hits-the-coast-overnight">Storm hits the coast overnight</a>
      <a href="/tag/storms-and-floods-of-2024">Storms and floods of 2024</a>`);
    const links = findHeadlineLinks(doc, 'https://news.example/');
    expect(links.map((l) => [l.title, l.url])).toEqual([
      [
        'Storm hits the coast overnight',
        'https://news.example/news/2024/05/01/storm-hits-the-coast-overnight',
      ],
    ]);
  });

  it('deduplicates by URL, keeps document order and prefers the heading text', () => {
    const doc = page(`
      <a href="/a/first-story-about-the-budget-123456">Teaser text for the first story about the budget vote</a>
      <h2><a href="/b/second-story-about-the-rail-strike-234567">Second story about the rail strike</a></h2>
      <h2><a href="/a/first-story-about-the-budget-123456?utm_source=x">First story about the budget</a></h2>`);
    const links = findHeadlineLinks(doc, 'https://news.example/');
    expect(links.map((l) => l.title)).toEqual([
      'First story about the budget',
      'Second story about the rail strike',
    ]);
  });

  it('reads ARIA headings and menus like their elements', () => {
    const doc = page(`
      <div role="navigation"><a href="/news/2024/05/01/menu-link-to-a-long-story">Menu link to a long story</a></div>
      <a href="/news/2024/05/02/budget-vote-delayed-again-123">A teaser about the budget vote being delayed again</a>
      <div role="heading"><span><a href="/news/2024/05/02/budget-vote-delayed-again-123">Budget vote delayed again</a></span></div>`);
    expect(findHeadlineLinks(doc, 'https://news.example/').map((l) => l.title)).toEqual([
      'Budget vote delayed again',
    ]);
  });

  it('counts words in any script, and length in scripts written without spaces', () => {
    const doc = page(`
      <h3><a href="/news/2024/05/01/parlament-golosuet-za-byudzhet">Парламент голосует за бюджет сегодня</a></h3>
      <h3><a href="/news/2024/05/01/tri-slova-tolko">Только три слова</a></h3>
      <h3><a href="/news/2024/05/01/arabic-headline-story">البرلمان يصوت على الميزانية اليوم</a></h3>
      <h3><a href="/news/2024/05/01/yosan-kaketsu-123456">国会で来年度予算が成立した</a></h3>
      <h3><a href="/news/2024/05/01/sale-and-signs-only">Sale — 50 % — now ! ? ★</a></h3>`);
    expect(findHeadlineLinks(doc, 'https://news.example/').map((l) => l.title)).toEqual([
      'Парламент голосует за бюджет сегодня',
      'البرلمان يصوت على الميزانية اليوم',
      '国会で来年度予算が成立した',
    ]);
  });

  it('scans a subtree as the document scan sees the links in it', () => {
    const long = `A long teaser headline about the harbour bridge ${'and the repairs that kept it shut '.repeat(4)}`;
    const doc = page(`
      <nav><ul id="menu"><li><a href="/news/2024/05/01/menu-link-to-a-long-story">Menu link to a long story</a></li></ul></nav>
      <section id="added">
        <a href="/news/2024/05/02/budget-vote-delayed-again-123">Budget vote delayed again in parliament</a>
        <a href="/news/">News</a>
        <h3><a href="/news/2024/05/03/rail-strike-called-off-234">Rail strike called off after talks</a></h3>
      </section>
      <h2><span id="in-heading"><a href="/news/2024/05/04/harbour-bridge-345">${long.trim()}</a></span></h2>`);
    const url = 'https://news.example/';
    const whole = findHeadlineLinks(doc, url);
    expect(whole).toHaveLength(3);
    for (const id of ['added', 'in-heading', 'menu']) {
      const root = doc.getElementById(id);
      if (root === null) throw new Error(id);
      // Same anchors, titles and URLs, including a long title kept only because a heading holds it.
      expect(findHeadlineLinks(root, url), id).toEqual(whole.filter((link) => root.contains(link.element)));
    }
    expect(findHeadlineLinks(doc.getElementById('in-heading') as Element, url)).toHaveLength(1);
  });

  it('caps the number of links', () => {
    const body = Array.from(
      { length: 200 },
      (_, i) =>
        `<h3><a href="/news/2024/05/01/story-number-${i}-of-the-day">Story number ${i} of the day</a></h3>`,
    ).join('');
    expect(findHeadlineLinks(page(body), 'https://news.example/', { max: 30 })).toHaveLength(30);
  });
});
