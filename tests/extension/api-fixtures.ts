/** Wire-valid API answers for the extension's tests. */
import type { LookupResponse, Story, StorySummary } from '../../src/core/contract.js';

export const summary: StorySummary = {
  id: 'story-1',
  title: 'Harbour bridge reopens after two-year repair',
  sourceCount: 4,
  firstPublishedAt: '2025-03-14T07:30:00.000Z',
  lastPublishedAt: '2025-03-14T12:00:00.000Z',
  distribution: { left: 2, center: 1, right: 0, unrated: 1 },
  blindspot: 'right',
};

export const matched: LookupResponse = { results: [{ story: summary, matchedBy: 'text', score: 0.91 }] };
export const unmatched: LookupResponse = { results: [{ story: null, matchedBy: null, score: null }] };

export const story: Story = {
  ...summary,
  articles: [
    {
      url: 'https://coastal-herald.example/news/2025/03/harbour-bridge-reopens',
      title: 'Harbour bridge reopens after two-year repair',
      publishedAt: '2025-03-14T07:30:00.000Z',
      outlet: {
        id: 'coastal-herald',
        name: 'The Coastal Herald',
        domain: 'coastal-herald.example',
        lean: 'lean-left',
      },
    },
    {
      url: 'https://metro.example/bridge',
      title: 'Bridge open: what it means for commuters',
      publishedAt: '2025-03-14T09:00:00.000Z',
      outlet: { id: 'metro', name: 'Metro Example', domain: 'metro.example', lean: 'center' },
    },
    {
      url: 'http://insecure.example/bridge',
      title: 'Insecure outlet covers the bridge',
      publishedAt: '2025-03-14T10:00:00.000Z',
      outlet: { id: 'insecure', name: 'Insecure Times', domain: 'insecure.example', lean: 'left' },
    },
    {
      url: null,
      title: 'Radio bulletin on the bridge',
      publishedAt: '2025-03-14T12:00:00.000Z',
      outlet: null,
    },
  ],
};
