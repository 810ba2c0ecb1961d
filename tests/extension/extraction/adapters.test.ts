// @vitest-environment happy-dom
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor } from '../../../src/extension/content/extraction/adapters/registry.js';
import { extractArticle } from '../../../src/extension/content/extraction/extract-article.js';
import { FIXTURE_ROOT, FIXTURES, loadFixture } from './fixtures.js';

const ADAPTER_FILES = join(import.meta.dirname, '../../../src/extension/content/extraction/adapters/');

describe('site adapters', () => {
  it('registers every adapter file', () => {
    const files = readdirSync(ADAPTER_FILES).filter((f) => !['registry.ts', 'site-adapter.ts'].includes(f));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
  });

  it.each(ADAPTERS.map((a) => [a.id, a] as const))(
    '%s has its own fixture pages, and they pass',
    (id, adapter) => {
      const own = FIXTURES.filter((f) => f.file.startsWith(`adapters/${id}/`));
      expect(own.length).toBeGreaterThan(0);
      for (const fixture of own) {
        expect(existsSync(`${FIXTURE_ROOT}${fixture.file}`)).toBe(true);
        expect(adapterFor(fixture.url)).toBe(adapter);
        expect(extractArticle(loadFixture(fixture.file), fixture.url).title).toBe(fixture.title);
      }
    },
  );

  it('applies to no host outside its family', () => {
    expect(adapterFor('https://unrelated-news.example/2024/01/01/story')).toBeNull();
  });
});
