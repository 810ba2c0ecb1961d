import { describe, expect, it } from 'vitest';
import { createNewsSites, originPatternOf } from '../../../src/extension/background/news-sites.js';
import { newsDirectory } from './router-harness.js';

const sites = createNewsSites(newsDirectory);

describe('news sites', () => {
  it('knows outlets by the page host, subdomains included, and nothing else', () => {
    expect(sites.siteOf('https://www.theguardian.com/world/x')?.id).toBe(
      newsDirectory.resolve('theguardian.com')?.id,
    );
    expect(sites.siteOf('https://amp.theguardian.com/x')).not.toBeNull();
    expect(sites.siteOf('https://theguardian.com.evil.example/')).toBeNull();
    expect(sites.siteOf('https://co.uk/')).toBeNull();
    expect(sites.siteOf('chrome://settings')).toBeNull();
    expect(sites.siteOf('not a url')).toBeNull();
  });

  it('names every known outlet as one host pattern per site', () => {
    const patterns = sites.allOriginPatterns();
    expect(new Set(patterns).size).toBe(patterns.length);
    expect(patterns).toContain('*://*.theguardian.com/*');
    expect(patterns.every((pattern) => /^\*:\/\/\*\.[a-z0-9.-]+\/\*$/.test(pattern))).toBe(true);
    expect(originPatternOf('www.Example.com')).toBe('*://*.example.com/*');
  });
});
