// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  chooseHeadline,
  type Candidate,
} from '../../../src/extension/content/extraction/score-candidates.js';
import { slugOf } from '../../../src/extension/content/extraction/url-slug.js';

const c = (source: string, text: string, weight: number, extra: Partial<Candidate> = {}): Candidate => ({
  source,
  text,
  weight,
  ...extra,
});

describe('chooseHeadline', () => {
  it('lets two agreeing sources beat a stronger lone one', () => {
    const choice = chooseHeadline([
      c('og', 'Social headline for sharing', 3.5),
      c('json-ld', 'The headline on the page', 3),
      c('h1', 'The headline on the page', 3, { rendered: true }),
    ]);
    expect(choice?.text).toBe('The headline on the page');
  });

  it('takes the core that other sources state with a section suffix', () => {
    const choice = chooseHeadline([
      c('title', 'Storm hits the coast - Panorama', 1.25),
      c('og', 'Storm hits the coast - Panorama', 3.5),
      c('h1', 'Storm hits the coast', 3, { rendered: true }),
      c('json-ld', 'Storm hits the coast', 3),
    ]);
    expect(choice?.text).toBe('Storm hits the coast');
  });

  it('completes a title cut with an ellipsis', () => {
    const choice = chooseHeadline([
      c('og', 'Record heat threatens coral reefs along…', 3.5),
      c('h1', 'Record heat threatens coral reefs along the coast', 3, { rendered: true }),
    ]);
    expect(choice?.text).toBe('Record heat threatens coral reefs along the coast');
  });

  it('never picks a cut title that another source states in full', () => {
    const choice = chooseHeadline([
      c('og', 'Marathon day: Record field and…', 3.5),
      c('twitter', 'Marathon day: Record field and…', 1),
      c('title', 'Marathon day: Record field and "a royal visitor"', 1.25),
    ]);
    expect(choice?.text).toBe('Marathon day: Record field and "a royal visitor"');
  });

  it('lets the URL slug decide between two headlines the sources split on', () => {
    const candidates = [
      c('og', 'City to close two fire stations as budget gap widens', 3.5),
      c('title', 'City to close two fire stations as budget gap widens', 1.25),
      c('json-ld', 'Two fire stations face the axe in budget squeeze', 3),
      c('h1', 'Two fire stations face the axe in budget squeeze', 3, { rendered: true }),
    ];
    expect(chooseHeadline(candidates)?.text).toBe('Two fire stations face the axe in budget squeeze');
    const slug = slugOf('https://x.example/2025/02/10/city-to-close-two-fire-stations-as-budget-gap-widens/');
    expect(chooseHeadline(candidates, slug && { slug, weight: 1.5 })?.text).toBe(
      'City to close two fire stations as budget gap widens',
    );
  });

  it('ignores a slug that names neither headline', () => {
    const slug = slugOf('https://x.example/politik/ausland/news-aus-aller-welt-im-ueberblick');
    const choice = chooseHeadline(
      [c('og', 'Storm closes three alpine passes', 3.5), c('json-ld', 'Three passes shut as storm hits', 3)],
      slug && { slug, weight: 1.5 },
    );
    expect(choice?.text).toBe('Storm closes three alpine passes');
    expect(choice?.support).toBeCloseTo(3.5 / 6.5);
  });

  it('keeps the declared punctuation when a heading glued kicker and headline', () => {
    const choice = chooseHeadline([
      c('og', 'Nationale Demo / Streik legt Land lahm', 3.5),
      c('h1', 'Nationale Demo Streik legt Land lahm', 3, { rendered: true }),
    ]);
    expect(choice?.text).toBe('Nationale Demo / Streik legt Land lahm');
  });

  it('accepts a heading kicker as presentation', () => {
    const choice = chooseHeadline([
      c('og', 'Trump speaks about ground operations', 3.5),
      c('h2', 'Soon: Trump speaks about ground operations', 3, {
        rendered: true,
        tail: 'Trump speaks about ground operations',
      }),
    ]);
    expect(choice?.text).toBe('Trump speaks about ground operations');
  });

  it('takes the sharing title the visible heading confirms over an SEO variant stated three times', () => {
    const seo = 'Olympics: Team USA rolls past Serbia in tense semifinal';
    const candidates = [
      c('json-ld', seo, 3),
      c('og', "Curry's late barrage sends USA into the final", 3.5, { shared: true }),
      c('twitter', seo, 1),
      c('title', seo, 1.25),
      c('h2', "Semifinal thriller Curry's late barrage sends USA into the final", 3, {
        rendered: true,
        tail: "Curry's late barrage sends USA into the final",
      }),
    ];
    const slug = slugOf('https://x.example/olympics-team-usa-rolls-past-serbia-in-tense-semifinal-a123.html');
    expect(chooseHeadline(candidates, slug && { slug, weight: 1.5 })?.text).toBe(
      "Curry's late barrage sends USA into the final",
    );
  });

  it('keeps a kicker that the sharing title and the heading both state', () => {
    const choice = chooseHeadline([
      c('json-ld', 'Farmers block motorways again', 3),
      c('og', 'Nitrogen crisis / Farmers block motorways again', 3.5, { shared: true }),
      c('title', 'Nitrogen crisis Farmers block motorways again', 1.25),
      c('h1', 'Nitrogen crisis Farmers block motorways again', 3, {
        rendered: true,
        tail: 'Farmers block motorways again',
      }),
    ]);
    expect(choice?.text).toBe('Nitrogen crisis / Farmers block motorways again');
  });

  it('drops a label kicker even where the sharing title and the heading confirm each other', () => {
    const choice = chooseHeadline([
      c('og', 'LIVE: Polls close in first eastern states', 3.5, { shared: true }),
      c('h1', 'Live Polls close in first eastern states', 3, { rendered: true }),
    ]);
    expect(choice?.text).toBe('Polls close in first eastern states');
  });

  it('returns null for no candidates', () => {
    expect(chooseHeadline([])).toBeNull();
  });
});
