import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../../src/server/feeds/decode-feed-bytes.js';
import { feedArticles } from '../../../src/server/feeds/feed-articles.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url));

describe('feedArticles', () => {
  it('reads RSS 2.0 items: guid as id, link as URL, pubDate or dc:date as time', () => {
    const parsed = feedArticles(fixture('bbc-news.rss').toString('utf8'), { domain: 'bbc.co.uk' });
    expect(parsed.ok && parsed.format).toBe('rss');
    if (!parsed.ok) return;
    expect(parsed.records[0]).toEqual({
      id: 'feed:bbc.co.uk:https://www.bbc.co.uk/news/articles/c0flood1#0',
      title: 'Central Europe floods: Rivers burst their banks as death toll rises',
      description: 'Storm Boris brings <b>record rain</b> to Poland, the Czech Republic &amp; Austria.',
      url: 'https://www.bbc.co.uk/news/articles/c0flood1?at_medium=RSS&at_campaign=rss',
      outlet: 'bbc.co.uk',
      publishedAt: '2024-09-15T09:12:44.000Z',
    });
    expect(parsed.records[1]?.publishedAt).toBe('2024-09-15T09:00:00.000Z');
    // An unreadable date leaves the item undated rather than dropping it.
    expect(parsed.records[2]).not.toHaveProperty('publishedAt');
    // A title-less item still comes out, for ingest to count as rejected.
    expect(parsed.records[3]?.title).toBe('');
  });

  it('reads Atom entries: the alternate link, published before updated', () => {
    const parsed = feedArticles(fixture('the-guardian.atom').toString('utf8'));
    expect(parsed.ok && parsed.format).toBe('atom');
    if (!parsed.ok) return;
    expect(parsed.records.map((r) => [r.url, r.publishedAt])).toEqual([
      [
        'https://www.theguardian.com/world/2024/sep/15/floods-poland-czech-republic-storm-boris?CMP=Share_iOSApp_Other&utm_source=rss',
        '2024-09-15T08:30:00.000Z',
      ],
      ['https://www.theguardian.com/world/2024/sep/15/austria-election-polls', '2024-09-15T07:00:00.000Z'],
    ]);
    // Without a feed-list domain, ids are scoped by the link's host.
    expect(parsed.records[1]?.id).toBe(
      'feed:www.theguardian.com:tag:theguardian.com,2024:world/election-austria',
    );
    expect(parsed.records[1]).not.toHaveProperty('outlet');
  });

  it('reads JSON Feed items', () => {
    const parsed = feedArticles(fixture('fox-news.json').toString('utf8'), { domain: 'foxnews.com' });
    expect(parsed.ok && parsed.format).toBe('json');
    if (!parsed.ok) return;
    expect(parsed.records[0]).toMatchObject({
      title: 'Storm Boris floods central Europe, leaving several dead',
      description: 'Heavy rain swamped towns in Poland, Czech Republic and Austria.',
      publishedAt: '2024-09-15T17:05:00.000Z',
    });
  });

  it('reads RSS 1.0 (RDF) items', () => {
    const rdf = `<?xml version="1.0"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
               xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://www.dw.com/"><title>DW</title><link>https://www.dw.com/</link>
          <description>d</description></channel>
        <item rdf:about="https://www.dw.com/en/a-1"><title>Germany votes</title>
          <link>https://www.dw.com/en/a-1</link><dc:date>2024-09-15T10:00:00Z</dc:date></item>
      </rdf:RDF>`;
    const parsed = feedArticles(rdf, { domain: 'dw.com' });
    expect(parsed.ok && parsed.format).toBe('rdf');
    expect(parsed.ok && parsed.records).toEqual([
      {
        id: 'feed:dw.com:https://www.dw.com/en/a-1',
        title: 'Germany votes',
        url: 'https://www.dw.com/en/a-1',
        outlet: 'dw.com',
        publishedAt: '2024-09-15T10:00:00.000Z',
      },
    ]);
  });

  it('resolves relative links against the feed URL and ignores unusable ones', () => {
    const rss = `<rss version="2.0"><channel><title>t</title>
      <item><title>Relative</title><link>/news/a-1</link></item>
      <item><title>No link at all</title></item>
      <item><title>Bad link</title><link>http://[oops</link><guid isPermaLink="false">g-3</guid></item>
    </channel></rss>`;
    const parsed = feedArticles(rss, {
      baseUrl: 'https://www.example.com/feeds/rss.xml',
      domain: 'example.com',
    });
    expect(parsed.ok && parsed.records).toEqual([
      {
        id: 'feed:example.com:https://www.example.com/news/a-1',
        title: 'Relative',
        url: 'https://www.example.com/news/a-1',
        outlet: 'example.com',
      },
      // No guid, no link: an empty id, which ingest rejects with a reason.
      { id: '', title: 'No link at all', outlet: 'example.com' },
      { id: 'feed:example.com:g-3', title: 'Bad link', outlet: 'example.com' },
    ]);
  });

  it('says why a document is not a usable feed', () => {
    expect(feedArticles(fixture('malformed.rss').toString('utf8'))).toEqual({
      ok: false,
      reason: 'malformed-feed',
    });
    expect(feedArticles(fixture('not-a-feed.html').toString('utf8'))).toEqual({
      ok: false,
      reason: 'not-a-feed',
    });
    expect(feedArticles('')).toEqual({ ok: false, reason: 'not-a-feed' });
    expect(feedArticles('{"items": 3}')).toMatchObject({ ok: false });
  });

  it('decodes the charset the document declares', () => {
    const parsed = feedArticles(decodeFeedBytes(fixture('latin1.rss'), null));
    expect(parsed.ok && parsed.records[0]?.title).toBe(
      'Inondations en Europe centrale : la tempête Boris fait des dégâts',
    );
    const utf8 = Buffer.from('<rss><channel><item><title>Zürich</title></item></channel></rss>');
    expect(decodeFeedBytes(utf8, 'application/rss+xml; charset=utf-8')).toContain('Zürich');
    expect(decodeFeedBytes(utf8, 'text/xml; charset=no-such-charset')).toContain('Zürich');
  });
});
