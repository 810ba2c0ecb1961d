import { describe, expect, it } from 'vitest';
import type { Lean } from '../../../src/core/bias-scale.js';
import type { Story, StoryArticle } from '../../../src/core/contract.js';
import { pickTakes } from '../../../src/extension/background/badge-takes.js';
import { story } from '../api-fixtures.js';

const article = (
  id: string,
  lean: Lean | null,
  hour: number,
  url: string | null = `https://${id}.example/a`,
): StoryArticle => ({
  url,
  title: `${id} headline`,
  publishedAt: `2025-03-14T${String(hour).padStart(2, '0')}:00:00.000Z`,
  outlet: { id, name: `Outlet ${id}`, domain: `${id}.example`, lean },
});

const withArticles = (articles: StoryArticle[]): Story => ({ ...story, articles });

describe('the other takes on a story', () => {
  it('take one per side first, the newest of each, then the newest of the rest', () => {
    const takes = pickTakes(
      withArticles([
        article('l1', 'left', 8),
        article('l2', 'far-left', 11),
        article('c1', 'center', 9),
        article('u1', null, 12),
        article('r1', 'lean-right', 7),
      ]),
      'https://own.example/a',
    );
    expect(takes.map((take) => [take.outlet, take.side])).toEqual([
      ['Outlet l2', 'left'],
      ['Outlet c1', 'center'],
      ['Outlet r1', 'right'],
    ]);
  });

  it('fill from other outlets when a side has none, one take per outlet', () => {
    const takes = pickTakes(
      withArticles([
        article('l1', 'left', 8),
        article('l1', 'left', 10),
        article('l2', 'left', 9),
        article('u1', null, 7),
      ]),
      'https://own.example/a',
    );
    expect(takes.map((take) => take.outlet)).toEqual(['Outlet l1', 'Outlet l2', 'Outlet u1']);
  });

  it('leave out the headline’s own article and make only https links', () => {
    const takes = pickTakes(
      withArticles([
        article('own', 'center', 12, 'https://own.example/a'),
        article('plain', 'left', 8, 'http://plain.example/a'),
        article('none', 'right', 9, null),
      ]),
      'https://own.example/a?utm_source=x#top',
    );
    expect(takes.map((take) => [take.outlet, take.url])).toEqual([
      ['Outlet plain', null],
      ['Outlet none', null],
    ]);
  });
});
