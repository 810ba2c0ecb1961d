/** Loads the hand-written fixture pages in tests/fixtures/extraction as static documents. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Fixture {
  file: string;
  url: string;
  title: string | null;
  isArticle: boolean;
  canonicalUrl?: string;
  siteName?: string;
  publishedAt?: string;
  /** For listing pages: the headline links expected, in order. */
  links?: string[];
}

// Paths as strings: under happy-dom the global URL is not the one node:fs accepts.
export const FIXTURE_ROOT = join(import.meta.dirname, '../../fixtures/extraction/');

export const FIXTURES = JSON.parse(readFileSync(`${FIXTURE_ROOT}fixtures.json`, 'utf8')) as Fixture[];

/** Parses a fixture without running its scripts (DOMParser never executes them). */
export function loadFixture(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(`${FIXTURE_ROOT}${file}`, 'utf8'), 'text/html');
}
