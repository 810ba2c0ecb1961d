import { describe, expect, it } from 'vitest';
import { httpsUrlOf } from '../../src/core/https-url.js';
import { isSameArticle } from '../../src/extension/popup/same-article.js';

describe('httpsUrlOf', () => {
  it('accepts absolute https URLs only', () => {
    expect(httpsUrlOf('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    for (const url of [
      'http://example.com/a',
      'javascript:alert(1)',
      'data:text/html,hi',
      '//example.com/a',
      '/relative',
      'https://user:pw@example.com/',
      '',
      null,
      undefined,
    ]) {
      expect(httpsUrlOf(url)).toBeNull();
    }
  });
});

describe('isSameArticle', () => {
  it('ignores scheme, www, trailing slash, fragment and tracking parameters', () => {
    expect(isSameArticle('https://www.example.com/a/?utm_source=x#top', 'http://example.com/a')).toBe(true);
  });

  it('tells different articles apart', () => {
    expect(isSameArticle('https://example.com/a', 'https://example.com/b')).toBe(false);
    expect(isSameArticle('https://example.com/a?id=1', 'https://example.com/a?id=2')).toBe(false);
    expect(isSameArticle(undefined, undefined)).toBe(false);
    expect(isSameArticle('not a url', 'not a url')).toBe(false);
  });
});
