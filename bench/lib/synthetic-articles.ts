/**
 * Synthetic articles in the JSON Lines corpus format, for load: stories of a few articles each from
 * real outlets' domains, headlines built from a news vocabulary so stories share and differ in terms
 * as real ones do. Seeded: the same lines for the same seed. Not for accuracy measurements.
 */
import { seededRandom } from './seeded-random.js';

const DOMAINS = [
  'www.bbc.co.uk',
  'www.theguardian.com',
  'www.foxnews.com',
  'www.nytimes.com',
  'www.washingtonpost.com',
  'www.breitbart.com',
  'www.npr.org',
  'www.dailymail.co.uk',
  'www.cbc.ca',
  'www.abc.net.au',
  'www.irishtimes.com',
  'www.thehindu.com',
  'www.spiegel.de',
  'www.lemonde.fr',
  'nypost.com',
  'www.cnn.com',
];
const PLACES = [
  'Texas',
  'Ukraine',
  'Gaza',
  'Brussels',
  'Ottawa',
  'Sydney',
  'Delhi',
  'Berlin',
  'Paris',
  'Dublin',
  'Ohio',
  'California',
  'Taiwan',
  'Sudan',
  'Mexico',
  'Scotland',
  'Tokyo',
  'Nairobi',
  'Manila',
  'Warsaw',
];
const SUBJECTS = [
  'senators',
  'regulators',
  'firefighters',
  'central bank',
  'court',
  'union',
  'ministers',
  'police',
  'voters',
  'doctors',
  'farmers',
  'prosecutors',
  'scientists',
  'airline',
  'refinery',
  'school board',
  'governor',
];
const ACTIONS = [
  'approve',
  'reject',
  'investigate',
  'delay',
  'announce',
  'challenge',
  'expand',
  'cut',
  'block',
  'defend',
  'debate',
  'suspend',
  'probe',
  'settle',
  'unveil',
  'halt',
];
const OBJECTS = [
  'budget plan',
  'rate rise',
  'wildfire response',
  'election rules',
  'tariff deal',
  'drug prices',
  'ceasefire',
  'housing bill',
  'pipeline',
  'strike action',
  'vaccine rollout',
  'border policy',
  'flood defences',
  'merger',
  'climate target',
  'data breach',
  'rail project',
  'tax cut',
];
const SYLLABLES = [
  'ka',
  'lo',
  'mer',
  'vin',
  'do',
  'sa',
  'rith',
  'bel',
  'tor',
  'ne',
  'qui',
  'zan',
  'fa',
  'gre',
  'hol',
  'pi',
  'wen',
  'yu',
  'cas',
  'mo',
];
const FRAMES = [
  '{t}',
  '{t}, officials say',
  'Why {t}',
  '{t} amid growing criticism',
  'Live: {t}',
  '{t} as pressure mounts',
];

export interface SyntheticOptions {
  seed: number;
  /** Ids and URLs start after this, so runs with other offsets add new articles. */
  offset?: number;
  articlesPerStory?: number;
  /** Publication times run from here, a story every few minutes. */
  startTime?: number;
}

export function* syntheticArticleLines(count: number, options: SyntheticOptions): Generator<string> {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const perStory = options.articlesPerStory ?? 5;
  const offset = options.offset ?? 0;
  const start = options.startTime ?? Date.parse('2025-01-01T00:00:00Z');
  let topic = '';
  for (let i = offset; i < offset + count; i += 1) {
    if ((i - offset) % perStory === 0) {
      // A made-up name per story, as real stories have their own people and places.
      const name = `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}`;
      const capitalised = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
      topic = `${pick(PLACES)} ${pick(SUBJECTS)} ${pick(ACTIONS)} ${capitalised} ${pick(OBJECTS)}`;
    }
    const title = pick(FRAMES).replace('{t}', topic);
    const domain = pick(DOMAINS);
    const slug = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    yield JSON.stringify({
      id: `synthetic-${i}`,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      description: `Synthetic article ${i} about ${topic}.`,
      url: `https://${domain}/news/${slug}-${i}`,
      publishedAt: new Date(
        start + Math.floor(i / perStory) * 240_000 + (i % perStory) * 30_000,
      ).toISOString(),
    });
  }
}
