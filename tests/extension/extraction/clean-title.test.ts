// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cleanTitle, withoutLabelKicker } from '../../../src/extension/content/extraction/clean-title.js';
import { SiteNames } from '../../../src/extension/content/extraction/site-names.js';

const names = (declared: string[], url: string) => new SiteNames(declared, url);

describe('cleanTitle', () => {
  it.each([
    ['Headline here today | Fox Like News', [], 'https://www.foxlikenews.example/x', 'Headline here today'],
    [
      'Headline here - Panorama - tagesblick.at',
      [],
      'https://www.tagesblick.at/x',
      'Headline here - Panorama',
    ],
    ['Tagesblick | Headline here', ['Tagesblick'], 'https://t.example/x', 'Headline here'],
    ['Headline: the sequel | BBC News', [], 'https://www.bbc.example/x', 'Headline: the sequel'],
    ['Big story in town - Bhopal News', [], 'https://a.example/x', 'Big story in town'],
    ['Big story in town | Site | by Jane Roe', ['Site'], 'https://a.example/x', 'Big story in town'],
    ['Trump: fake news', [], 'https://a.example/x', 'Trump: fake news'],
    [
      'Süddeutsche story – Süddeutsche Zeitung',
      [],
      'https://www.sueddeutsche.example/x',
      'Süddeutsche story',
    ],
    ['新闻标题_国内新闻_华夏日报', ['华夏日报'], 'https://h.example/x', '新闻标题_国内新闻'],
  ])('%s', (raw, declared, url, expected) => {
    expect(cleanTitle(raw, names(declared, url), new Set())).toBe(expected);
  });

  it('decodes leftover entities and drops inline tags', () => {
    expect(
      cleanTitle('&lt;em&gt;Rates&lt;/em&gt; rise &amp;amp; fall', names([], 'https://a.example'), new Set()),
    ).toBe('Rates rise & fall');
  });

  it('strips a declared section joined by a hyphen between Hangul or CJK letters, not in other words', () => {
    const site = names(['한강일보'], 'https://www.hangang-ilbo.example/x');
    expect(cleanTitle('지하철 파업 이틀째… 혼잡 이어져-사회ㅣ한강일보', site, new Set(['사회']))).toBe(
      '지하철 파업 이틀째… 혼잡 이어져',
    );
    expect(cleanTitle('지하철 파업 이틀째… 혼잡 이어져-사회ㅣ한강일보', site, new Set())).toBe(
      '지하철 파업 이틀째… 혼잡 이어져-사회',
    );
    expect(cleanTitle('서울-부산 고속철도 개통', site, new Set(['서울']))).toBe('서울-부산 고속철도 개통');
    const german = names([], 'https://www.tagesblick.example/x');
    expect(cleanTitle('Streit um die Nahost-Politik', german, new Set(['politik']))).toBe(
      'Streit um die Nahost-Politik',
    );
  });

  it('returns nothing when only the site name is left', () => {
    expect(
      cleanTitle('Riverside Courier', names(['Riverside Courier'], 'https://r.example'), new Set()),
    ).toBe('');
  });
});

describe('withoutLabelKicker', () => {
  it.each([
    ['LIVE: Polls close in the east', 'Polls close in the east'],
    ['Liveblog | Storm hits coast', 'Storm hits coast'],
    ['+++ Eilmeldung +++ Kanzler tritt zurück', 'Kanzler tritt zurück'],
    ['Live and let die: a review', null],
  ])('%s', (raw, expected) => {
    expect(withoutLabelKicker(raw)).toBe(expected);
  });
});
