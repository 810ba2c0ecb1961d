// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extension/content/extract-page.js';

function page(name: string): Document {
  const html = readFileSync(join(import.meta.dirname, '../fixtures/pages', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('extractPage', () => {
  it('takes the JSON-LD headline inside @graph, with a canonical URL resolved against the page', () => {
    const result = extractPage(
      page('jsonld-graph.html'),
      'https://coastal-herald.example/news/x?utm_source=feed',
    );
    expect(result).toEqual({
      title: 'Harbour bridge reopens after two-year repair',
      canonicalUrl: 'https://coastal-herald.example/news/2025/03/harbour-bridge-reopens',
      description: "The city's oldest crossing carries traffic again, on time and under budget.",
      publishedAt: '2025-03-14T07:30:00.000Z',
      siteName: 'The Coastal Herald',
      isArticle: true,
    });
  });

  it('uses og:title without the site suffix, og:url without the fragment, white space collapsed', () => {
    const result = extractPage(
      page('og-title-suffix.html'),
      'https://www.example-news.example/local/cycle-lanes',
    );
    expect(result.title).toBe('Council approves new cycle lanes');
    expect(result.canonicalUrl).toBe('https://www.example-news.example/local/cycle-lanes');
    expect(result.description).toBe('Twelve kilometres of protected lanes by 2027.');
    expect(result.isArticle).toBe(true);
  });

  it('prefers the <h1> of the article over the site banner and the <title>', () => {
    const result = extractPage(page('h1-only.html'), 'https://alpine-daily.example/storm');
    expect(result.title).toBe('Storm closes three mountain passes');
    expect(result.publishedAt).toBe('2024-12-02T17:05:00.000Z');
    expect(result.isArticle).toBe(true);
    // No canonical URL declared: the page's own address stands in for it.
    expect(result.canonicalUrl).toBe('https://alpine-daily.example/storm');
  });

  it('strips tracking parameters and the fragment from the canonical URL it sends', () => {
    const doc = new DOMParser().parseFromString(
      `<link rel="canonical" href="/world/2025/05/01/ceasefire-talks?utm_source=rss&amp;id=7#top">
       <meta property="og:type" content="article"><h1>Ceasefire talks resume in Cairo</h1>`,
      'text/html',
    );
    expect(extractPage(doc, 'https://news.example/x?fbclid=abc').canonicalUrl).toBe(
      'https://news.example/world/2025/05/01/ceasefire-talks?id=7',
    );
    doc.querySelector('link')?.remove();
    expect(extractPage(doc, 'https://news.example/a/b?utm_medium=x&page=2#c').canonicalUrl).toBe(
      'https://news.example/a/b?page=2',
    );
  });

  it('skips broken JSON-LD and finds an article typed by an array in a top-level array', () => {
    const result = extractPage(page('jsonld-array-broken.html'), 'https://wire.example/rates');
    expect(result.title).toBe('Central bank holds rates for a third month');
    expect(result.siteName).toBe('Wire Service');
    expect(result.publishedAt).toBeUndefined();
    expect(result.isArticle).toBe(true);
  });

  it('does not call a front page an article, nor read a headline into its tagline or section heading', () => {
    const result = extractPage(page('front-page.html'), 'https://coastal-herald.example/');
    expect(result).toEqual({ title: '', isArticle: false });
  });

  it('returns markup as plain text and drops javascript: and data: URLs', () => {
    const result = extractPage(page('hostile.html'), 'https://evil.example/a');
    expect(result.title).toBe('<img src=x onerror=alert(1)> Flood & fire warnings issued');
    // Neither the javascript: link nor the data: og:url: the page's own address instead.
    expect(result.canonicalUrl).toBe('https://evil.example/a');
  });

  it('strips a suffix that names the host when the site name is unknown', () => {
    const doc = new DOMParser().parseFromString(
      '<title>Rail strike called off | Newsroom.example</title>',
      'text/html',
    );
    expect(extractPage(doc, 'https://www.newsroom.example/a').title).toBe('Rail strike called off');
  });

  it('keeps a suffix that is part of the headline', () => {
    const doc = new DOMParser().parseFromString(
      '<meta property="og:site_name" content="Example News"><title>Brexit - what happens next</title>',
      'text/html',
    );
    expect(extractPage(doc, 'https://example-news.example/a').title).toBe('Brexit - what happens next');
  });

  it('answers an empty title for a page without any headline', () => {
    const doc = new DOMParser().parseFromString('<p>nothing here</p>', 'text/html');
    expect(extractPage(doc, 'https://x.example/')).toEqual({ title: '', isArticle: false });
  });
});
