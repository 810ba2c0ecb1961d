import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, hostOf } from '../../src/core/canonical-url.js';
import { domainSuffixes } from '../../src/core/domain-suffixes.js';

describe('canonicalizeUrl', () => {
  it('lower-cases the host and drops default ports, fragments and credentials', () => {
    expect(canonicalizeUrl('HTTPS://user:pw@WWW.Example.COM:443/News/Story#comments')).toBe(
      'https://www.example.com/News/Story',
    );
    expect(canonicalizeUrl('http://example.com:80/a')).toBe('http://example.com/a');
    expect(canonicalizeUrl('http://example.com:8080/a')).toBe('http://example.com:8080/a');
  });

  it('keeps www. (some sites differ without it)', () => {
    expect(canonicalizeUrl('https://www.bbc.co.uk/news')).toBe('https://www.bbc.co.uk/news');
  });

  it('strips tracking parameters and sorts the rest', () => {
    expect(
      canonicalizeUrl('https://ex.com/a?utm_source=x&b=2&fbclid=1&a=1&gclid=z&mc_cid=q&UTM_Medium=m&smid=tw'),
    ).toBe('https://ex.com/a?a=1&b=2');
    expect(canonicalizeUrl('https://ex.com/a?utm_campaign=x')).toBe('https://ex.com/a');
  });

  it('normalises trailing slashes except on the root', () => {
    expect(canonicalizeUrl('https://ex.com/a/b/')).toBe('https://ex.com/a/b');
    expect(canonicalizeUrl('https://ex.com')).toBe('https://ex.com/');
    expect(canonicalizeUrl('https://ex.com/')).toBe('https://ex.com/');
  });

  it('drops a trailing dot on the host', () => {
    expect(canonicalizeUrl('https://ex.com./a')).toBe('https://ex.com/a');
  });

  it('gives the same form for two spellings of one article', () => {
    const a = canonicalizeUrl('https://www.theguardian.com/world/2025/aug/05/x/?utm_source=twitter#top');
    const b = canonicalizeUrl('https://WWW.THEGUARDIAN.COM/world/2025/aug/05/x');
    expect(a).toBe(b);
  });

  it('rejects what is not an http(s) URL', () => {
    expect(canonicalizeUrl('not a url')).toBeNull();
    expect(canonicalizeUrl('/relative/path')).toBeNull();
    expect(canonicalizeUrl('ftp://ex.com/a')).toBeNull();
    expect(canonicalizeUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('hostOf and domainSuffixes', () => {
  it('finds the host', () => {
    expect(hostOf('https://Edition.CNN.com/2025/x')).toBe('edition.cnn.com');
    expect(hostOf('nope')).toBeNull();
  });

  it('lists the host and its parents, most specific first', () => {
    expect(domainSuffixes('www.bbc.co.uk')).toEqual(['www.bbc.co.uk', 'bbc.co.uk']);
    expect(domainSuffixes('a.b.news.example.com.au.')).toEqual([
      'a.b.news.example.com.au',
      'b.news.example.com.au',
      'news.example.com.au',
      'example.com.au',
    ]);
    expect(domainSuffixes('cnn.com')).toEqual(['cnn.com']);
  });

  it('never lists a public suffix, and keeps hosts with no registrable domain as they are', () => {
    expect(domainSuffixes('co.uk')).toEqual([]);
    expect(domainSuffixes('uk')).toEqual([]);
    expect(domainSuffixes('127.0.0.1')).toEqual(['127.0.0.1']);
  });
});
