import { describe, expect, it } from 'vitest';
import { looseKey } from '../../../src/extension/content/extraction/score-candidates.js';
import { slugOf, slugOverlap } from '../../../src/extension/content/extraction/url-slug.js';

const overlap = (url: string, headline: string): number => {
  const slug = slugOf(url);
  if (!slug) throw new Error(`no slug in ${url}`);
  return slugOverlap(slug, looseKey(headline));
};

describe('slugOf', () => {
  it('reads the wordiest path segment and leaves ids and extensions out', () => {
    const slug = slugOf(
      'https://www.example.com/politik/ausland/storm-closes-three-alpine-passes-a-60a0111a-c2d2-1759794.html?ref=rss',
    );
    expect([...(slug?.counts.keys() ?? [])]).toEqual(['storm', 'closes', 'three', 'alpine', 'passes', 'a']);
  });

  it('keeps numbers that are words of the headline', () => {
    expect(slugOf('https://news.example/2024/05/01/sweden-sends-5-000-000-leaflets/')?.size).toBe(6);
  });

  it('finds no slug in id-only or section-only URLs', () => {
    expect(slugOf('https://www.example.co.kr/News/Read/A2025051516330004328')).toBeNull();
    expect(slugOf('https://orf.example/stories/3376705/')).toBeNull();
    expect(slugOf('https://www.example.de/deutschland-welt/')).toBeNull();
  });

  it('decodes percent-encoded non-Latin slugs', () => {
    const url = `https://www.example.co.il/news/${encodeURIComponent('הכנסת-מאשרת-את-התקציב-לשנה-הבאה')}`;
    expect(slugOf(url)?.size).toBe(6);
  });
});

describe('slugOverlap', () => {
  it('matches transliterated umlauts, ø, å and ß', () => {
    expect(
      overlap(
        'https://x.example/a/baecker-erhoehen-brotpreise-um-zehn-prozent',
        'Bäcker erhöhen Brotpreise um zehn Prozent',
      ),
    ).toBe(1);
    expect(
      overlap('https://x.example/a/soeskenbarna-gaar-paa-ski-til-fots', 'Søskenbarna går på ski til fots'),
    ).toBe(1);
    expect(overlap('https://x.example/a/strasse-bleibt-gesperrt', 'Straße bleibt gesperrt')).toBe(1);
  });

  it('joins what an apostrophe split, as slugs do', () => {
    expect(
      overlap(
        'https://x.example/2024/07/17/first-kings-speech-of-new-government',
        "First King's Speech of new government",
      ),
    ).toBe(1);
  });

  it('prefers the headline that spells the slug over a rewritten one', () => {
    const url = 'https://x.example/israel-und-gaza-news-und-entwicklungen-im-nahostkonflikt-ld.42';
    const own = overlap(url, 'Israel und Gaza: News und Entwicklungen im Nahostkonflikt');
    const rewritten = overlap(url, 'Israel und Gaza: aktuelle News und Entwicklungen im Nahostkonflikt');
    expect(rewritten).toBeLessThan(own);
  });
});
