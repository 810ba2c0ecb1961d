/** A story with enough articles for tabs, paging and framing words: left says "crackdown", right "rioters". */
import type { Lean } from '../../../src/core/bias-scale.js';
import type { Story, StoryArticle } from '../../../src/core/contract.js';

const LEFT = [
  'Police crackdown on protesters draws outrage',
  'Protesters face brutal crackdown in capital',
  'Rights groups condemn crackdown as protesters detained',
  'Crackdown on peaceful protesters widens',
  'Protesters vow to return after crackdown',
];
const CENTER = [
  'Police clear square after protest in capital',
  'Hundreds detained as police clear protest',
  'Capital protest ends with arrests',
];
const RIGHT = [
  'Police restore order as rioters clash in capital',
  'Rioters torch cars before police restore order',
  'Order restored after night of rioters clashing with police',
  'Mayor thanks police for restoring order against rioters',
];

function article(i: number, title: string, lean: Lean | null, description?: string): StoryArticle {
  return {
    url: `https://outlet-${i}.example/news/${i}`,
    title,
    description,
    publishedAt: new Date(Date.parse('2025-03-14T00:00:00.000Z') + i * 60_000).toISOString(),
    outlet: { id: `outlet-${i}`, name: `Outlet ${i}`, domain: `outlet-${i}.example`, lean },
  };
}

const leans: [string[], Lean][] = [
  [LEFT, 'lean-left'],
  [CENTER, 'center'],
  [RIGHT, 'right'],
];
const rated = leans.flatMap(([titles, lean]) => titles.map((title) => ({ title, lean })));
const filler = Array.from({ length: 13 }, (_, i) => ({
  title: `Wire report number ${i} on the capital`,
  lean: null,
}));

export const bigStory: Story = {
  id: 'story-big',
  title: 'Night of protest in the capital',
  summary: 'Police cleared the main square after a night of protest.',
  sourceCount: 25,
  firstPublishedAt: '2025-03-14T00:00:00.000Z',
  lastPublishedAt: '2025-03-14T00:24:00.000Z',
  distribution: { left: 5, center: 3, right: 4, unrated: 13 },
  blindspot: null,
  articles: [...rated, ...filler].map(({ title, lean }, i) =>
    article(i, title, lean, i === 0 ? 'A long lead from the feed. '.repeat(12) : undefined),
  ),
};
