import { describe, expect, it } from 'vitest';
import { urlShape } from '../../../src/extension/content/extraction/url-shape.js';

/** What each kind of path says about its page (the link finder keeps only 'article'). */
const SHAPES: [string, string][] = [
  ['https://news.example/', 'root'],
  ['https://news.example/index.html', 'root'],
  ['https://news.example/home', 'root'],
  ['https://news.example/?utm_source=x', 'root'],
  ['https://news.example/search?q=storm', 'search'],
  ['https://news.example/suche/storm', 'search'],
  ['https://news.example/news?query=x', 'search'],
  ['https://news.example/world/search', 'search'],
  ['https://news.example/tag/rates-and-banks', 'listing'],
  ['https://news.example/news/tags/storm', 'listing'],
  ['https://news.example/autoren/jane-doe/why-the-fair-matters-this-year', 'article'],
  ['https://news.example/author/jane-doe', 'listing'],
  ['https://news.example/politics', 'listing'],
  ['https://news.example/sport/football', 'listing'],
  ['https://news.example/news/middle-east', 'unknown'],
  ['https://news.example/local/cycle-lanes', 'unknown'],
  ['https://news.example/a/b/c', 'unknown'],
  ['https://news.example/news/2024/05/01/storm', 'article'],
  ['https://news.example/story/12345', 'article'],
  ['https://news.example/politik/article123.html', 'article'],
  ['https://news.example/storm-hits-the-coast-overnight', 'article'],
  ['https://news.example/img/photo.jpg', 'unknown'],
  ['https://news.example/%E6%A4%9C%E7%B4%A2/x', 'search'],
  ['https://news.example/news/2024-05-01/x', 'article'],
  ['https://news.example//double//slash-path-with-words-here', 'article'],
  ['https://news.example/feed', 'listing'],
  ['https://news.example/video/storm-hits-the-coast-overnight', 'listing'],
  ['https://news.example/x/y/video/storm-hits-the-coast', 'article'],
  ['ftp://x/y', 'unknown'],
  ['https://news.example/page/2', 'listing'],
  ['https://news.example/a/b/tag', 'unknown'],
  ['https://news.example/a/Search/b', 'search'],
  ['https://news.example/a/%ZZ/b-c-d-e', 'article'],
  // An id in one or two segments is no section's name; a short name with a digit may be ("/f1").
  ['https://factcheck.example/doc.wire.example.Q7MZ4K2', 'unknown'],
  ['https://news.example/p/Xk3mQ9z7', 'unknown'],
  ['https://news.example/sport/f1', 'listing'],
  ['https://news.example/2024', 'listing'],
];

describe('urlShape', () => {
  it.each(SHAPES)('%s is %s', (url, shape) => {
    expect(urlShape(url)).toBe(shape);
  });
});
