// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extension/content/extraction/extract-article.js';
import { FIXTURES, loadFixture } from './fixtures.js';

describe('extractArticle on article fixtures', () => {
  const articles = FIXTURES.filter((f) => f.isArticle);

  it('has enough fixtures to mean something', () => {
    expect(articles.length).toBeGreaterThanOrEqual(25);
  });

  it.each(articles.map((f) => [f.file, f] as const))('%s', (_file, fixture) => {
    const info = extractArticle(loadFixture(fixture.file), fixture.url);
    expect(info.title).toBe(fixture.title);
    expect(info.isArticle).toBe(true);
    expect(info.confidence).toBeGreaterThan(0.5);
    if (fixture.canonicalUrl) expect(info.canonicalUrl).toBe(fixture.canonicalUrl);
    if (fixture.siteName) expect(info.siteName).toBe(fixture.siteName);
    if (fixture.publishedAt) expect(info.publishedAt).toBe(fixture.publishedAt);
  });
});

describe('extractArticle on pages that are not articles', () => {
  const listings = FIXTURES.filter((f) => !f.isArticle);

  it('has enough fixtures to mean something', () => {
    expect(listings.length).toBeGreaterThanOrEqual(8);
  });

  it.each(listings.map((f) => [f.file, f] as const))('%s triggers no lookup', (_file, fixture) => {
    const info = extractArticle(loadFixture(fixture.file), fixture.url);
    expect(info.isArticle).toBe(false);
  });
});

describe('extractArticle facts and safety', () => {
  it('falls back to the page URL for the canonical URL, without the fragment', () => {
    const doc = new DOMParser().parseFromString('<title>x</title>', 'text/html');
    expect(extractArticle(doc, 'https://news.example/a/b#top').canonicalUrl).toBe('https://news.example/a/b');
  });

  it('ignores a javascript: canonical link', () => {
    const doc = new DOMParser().parseFromString(
      '<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://news.example/x">',
      'text/html',
    );
    expect(extractArticle(doc, 'https://news.example/y').canonicalUrl).toBe('https://news.example/x');
  });

  it('returns markup in a headline as text and runs nothing', () => {
    const fixture = FIXTURES.find((f) => f.file.includes('hostile-markup'));
    if (!fixture) throw new Error('hostile fixture missing');
    const doc = loadFixture(fixture.file);
    const info = extractArticle(doc, fixture.url);
    expect(info.title).toBe('Why <script> tags still break the web');
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
    expect(doc.querySelector('h1')?.childNodes.length).toBe(3);
  });

  it('never returns an empty string, a site name or a section name', () => {
    const doc = new DOMParser().parseFromString(
      `<title>Riverside Courier</title><meta property="og:site_name" content="Riverside Courier">
       <meta property="og:title" content="World News"><h1> </h1>`,
      'text/html',
    );
    const info = extractArticle(doc, 'https://www.riverside-courier.example/world/');
    expect(info.title).toBeNull();
    expect(info.isArticle).toBe(false);
  });

  it('keeps inline markup inside a heading as part of one headline', () => {
    const doc = new DOMParser().parseFromString(
      `<title>Storm closes mountain passes - Alpine Daily</title>
       <article><h1>Storm closes <em>three</em> mountain <b>passes</b></h1></article>`,
      'text/html',
    );
    expect(extractArticle(doc, 'https://alpine-daily.example/2024/12/02/storm').title).toBe(
      'Storm closes three mountain passes',
    );
  });

  it('reads malformed JSON-LD with raw line breaks', () => {
    const doc = new DOMParser().parseFromString(
      `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Rail line reopens
       after floods"}</script>`,
      'text/html',
    );
    expect(extractArticle(doc, 'https://news.example/2024/05/01/rail-line-reopens-after-floods').title).toBe(
      'Rail line reopens after floods',
    );
  });
});
