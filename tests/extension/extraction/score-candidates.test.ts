// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  chooseHeadline,
  type Candidate,
} from '../../../src/extension/content/extraction/score-candidates.js';

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

  it('returns null for no candidates', () => {
    expect(chooseHeadline([])).toBeNull();
  });
});
