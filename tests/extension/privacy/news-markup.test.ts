import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { hasArticleMarkup } from '../../../src/extension/content/news-markup.js';

function documentOf(head: string, body = ''): Document {
  const window = new Window({ url: 'https://shop.example/guide' });
  window.document.write(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  return window.document as unknown as Document;
}

const longParagraph = `<p>${'A helpful paragraph about choosing a kettle. '.repeat(5)}</p>`;

describe('article markup', () => {
  it('is found in JSON-LD, microdata, or Open Graph with a publication time', () => {
    expect(
      hasArticleMarkup(
        documentOf('<script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script>'),
      ),
    ).toBe(true);
    expect(
      hasArticleMarkup(
        documentOf('', '<div itemscope itemtype="https://schema.org/NewsArticle"><h1>x</h1></div>'),
      ),
    ).toBe(true);
    expect(
      hasArticleMarkup(
        documentOf(
          '<meta property="og:type" content="article"><meta property="article:published_time" content="2026-11-27">',
        ),
      ),
    ).toBe(true);
  });

  it('is not found on a page that only looks like an article', () => {
    const looksLikeOne = `<article><h1>How to choose a kettle</h1>${longParagraph.repeat(4)}</article>`;
    expect(hasArticleMarkup(documentOf('<title>How to choose a kettle</title>', looksLikeOne))).toBe(false);
    expect(hasArticleMarkup(documentOf('<meta property="og:type" content="article">', looksLikeOne))).toBe(
      false,
    );
    expect(
      hasArticleMarkup(documentOf('<script type="application/ld+json">{"@type":"Product"}</script>')),
    ).toBe(false);
  });
});
