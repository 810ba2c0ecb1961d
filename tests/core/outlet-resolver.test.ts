import { describe, expect, it } from 'vitest';
import {
  consensusLean,
  createOutletResolver,
  isPublicSuffix,
  normalizeHost,
} from '../../src/core/outlet-resolver.js';
import type { Outlet } from '../../src/core/outlet.js';

const outlet = (id: string, domains: string[], ratings: Outlet['ratings'] = []): Outlet => ({
  id,
  name: id,
  domains,
  country: 'US',
  language: 'en',
  ratings,
});

const directory = {
  outlets: [
    outlet('cnn', ['cnn.com'], [{ rater: 'coverage-lens', lean: 'lean-left', date: '2026-11' }]),
    outlet('fox-news', ['foxnews.com'], [{ rater: 'allsides', lean: 'right', date: '2023-02' }]),
    outlet('fox-business', ['foxbusiness.com']),
    outlet('bbc', ['bbc.co.uk', 'bbc.com']),
    outlet('yahoo-news', ['news.yahoo.com']),
    outlet('yahoo-finance', ['finance.yahoo.com']),
    outlet('bogus-suffix', ['co.uk']),
  ],
};
const resolver = createOutletResolver(directory);
const idOf = (input: string) => resolver.resolve(input)?.id ?? null;

describe('createOutletResolver', () => {
  it('resolves an exact host and strips www.', () => {
    expect(idOf('cnn.com')).toBe('cnn');
    expect(idOf('www.cnn.com')).toBe('cnn');
    expect(idOf('WWW.CNN.COM')).toBe('cnn');
  });

  it('resolves full URLs, with ports, credentials and trailing dots', () => {
    expect(idOf('https://www.foxnews.com/politics/some-story?x=1')).toBe('fox-news');
    expect(idOf('http://cnn.com:8080/2021/10/18/story.html')).toBe('cnn');
    expect(idOf('https://user:pw@www.bbc.co.uk/news')).toBe('bbc');
    expect(idOf('www.bbc.com.')).toBe('bbc');
    expect(idOf('//edition.cnn.com/world')).toBe('cnn');
    expect(idOf('cnn.com/2021/story')).toBe('cnn');
  });

  it('walks up parent domains', () => {
    expect(idOf('edition.cnn.com')).toBe('cnn');
    expect(idOf('a.b.c.cnn.com')).toBe('cnn');
    expect(idOf('https://m.bbc.co.uk/news/uk-1')).toBe('bbc');
    expect(idOf('uk.news.yahoo.com')).toBe('yahoo-news');
  });

  it('prefers the most specific claimed host', () => {
    expect(idOf('finance.yahoo.com')).toBe('yahoo-finance');
    expect(idOf('news.yahoo.com')).toBe('yahoo-news');
    expect(idOf('yahoo.com')).toBeNull();
    expect(idOf('sports.yahoo.com')).toBeNull();
  });

  it('keeps similar but distinct outlets apart', () => {
    expect(idOf('foxbusiness.com')).toBe('fox-business');
    expect(idOf('www.foxnews.com')).toBe('fox-news');
    expect(idOf('notcnn.com')).toBeNull();
    expect(idOf('cnn.com.evil.example')).toBeNull();
  });

  it('never matches a bare public suffix, even when the directory claims one', () => {
    expect(idOf('co.uk')).toBeNull();
    expect(idOf('unknown.co.uk')).toBeNull();
    expect(idOf('com')).toBeNull();
  });

  it('answers null for garbage', () => {
    expect(idOf('')).toBeNull();
    expect(idOf('   ')).toBeNull();
    expect(idOf('not a url')).toBeNull();
    expect(idOf('https://')).toBeNull();
  });

  it('finds outlets by id', () => {
    expect(resolver.byId('bbc')?.domains).toContain('bbc.com');
    expect(resolver.byId('nope')).toBeNull();
  });
});

describe('normalizeHost and isPublicSuffix', () => {
  it('normalises hosts', () => {
    expect(normalizeHost('https://WWW2.Example.COM:443/a')).toBe('example.com');
    expect(normalizeHost('www.www.example.com')).toBe('example.com');
    expect(normalizeHost('ex ample.com')).toBeNull();
  });

  it('knows public suffixes', () => {
    expect(isPublicSuffix('co.uk')).toBe(true);
    expect(isPublicSuffix('com.au')).toBe(true);
    expect(isPublicSuffix('uk')).toBe(true);
    expect(isPublicSuffix('bbc.co.uk')).toBe(false);
    expect(isPublicSuffix('cnn.com')).toBe(false);
    // From the Public Suffix List, not a hand-kept list of markets.
    expect(isPublicSuffix('com.kh')).toBe(true);
    expect(isPublicSuffix('phnompenhpost.com.kh')).toBe(false);
  });
});

describe('consensusLean', () => {
  it('reads the consensus rater only', () => {
    expect(consensusLean(directory.outlets[0]!)).toBe('lean-left');
    // Another rater's label is not the consensus.
    expect(consensusLean(directory.outlets[1]!)).toBeNull();
    expect(consensusLean(directory.outlets[2]!)).toBeNull();
  });
});
