import { describe, expect, it } from 'vitest';
import { badgeSiteOf, badgeSiteOfPattern, badgesOffOn } from '../../../src/core/badge-sites.js';

describe('badge sites', () => {
  it('name a site by its host without www', () => {
    expect(badgeSiteOf('WWW.Example.com')).toBe('example.com');
    expect(badgeSiteOf('news.example.com')).toBe('news.example.com');
    expect(badgeSiteOfPattern('*://*.example.com/*')).toBe('example.com');
    expect(badgeSiteOfPattern('https://www.example.com/*')).toBe('example.com');
    expect(badgeSiteOfPattern('*://*/*')).toBeNull();
  });

  it('turn badges off on the site and its subdomains only', () => {
    const off = ['example.com'];
    expect(badgesOffOn('www.example.com', off)).toBe(true);
    expect(badgesOffOn('sport.example.com', off)).toBe(true);
    expect(badgesOffOn('example.com', off)).toBe(true);
    expect(badgesOffOn('notexample.com', off)).toBe(false);
    expect(badgesOffOn('example.com.evil.test', off)).toBe(false);
  });
});
