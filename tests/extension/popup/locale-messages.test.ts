import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishMessages } from './fake-i18n.js';

// The popup and every other part of the extension that shows text (e.g. the inline badges).
const EXTENSION = join(import.meta.dirname, '../../../src/extension');
const sources = readdirSync(EXTENSION, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => readFileSync(join(EXTENSION, f), 'utf8'))
  .join('\n');

describe('_locales/en/messages.json', () => {
  it('has browser-valid keys and a message for each', () => {
    for (const [key, entry] of Object.entries(englishMessages)) {
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(entry.message.trim()).not.toBe('');
    }
  });

  it('holds no string the extension does not use', () => {
    const unused = Object.keys(englishMessages).filter((key) => !sources.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});
