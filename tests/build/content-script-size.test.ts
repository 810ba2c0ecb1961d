/**
 * The on-demand content script is injected into every page the reader asks about, so it has a
 * budget (issue #4: at most 15 KB gzipped): built with the project's config, minified, without the
 * promise polyfill, and bundling one message schema rather than the extension's whole contract.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUDGET_BYTES = 15 * 1024;
/**
 * Automatic mode's script carries the article extractor, the link finder and the badges, and every
 * granted page compiles it at load: 15 KB like the on-demand script (issue #6).
 */
const AUTO_BUDGET_BYTES = 15 * 1024;
const outDir = mkdtempSync(join(tmpdir(), 'coverage-lens-content-size-'));
let script = '';
let auto = '';
let front = '';

beforeAll(async () => {
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir },
  });
  script = readFileSync(join(outDir, 'src/extension/content/index.js'), 'utf8');
  auto = readFileSync(join(outDir, 'src/extension/content/auto.js'), 'utf8');
  front = readFileSync(join(outDir, 'src/extension/content/auto-front.js'), 'utf8');
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the on-demand content script', () => {
  it('fits its gzipped budget', () => {
    expect(gzipSync(script).length).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('bundles neither the promise polyfill nor the popup and API schemas', () => {
    // Strings that survive minification: the polyfill's own guard, message types of other contexts.
    expect(script).not.toContain('This script should only be loaded in a browser extension');
    expect(script).not.toContain('lookup-tab');
    expect(script).not.toContain('auto-lookup');
  });

  it('still validates the intent it answers', () => {
    expect(script).toMatch(/[`'"]extract[`'"]/);
    expect(script).toContain('onMessage');
  });
});

describe("automatic mode's content script", () => {
  it('stays within its gzipped budget', () => {
    expect(gzipSync(auto).length).toBeLessThanOrEqual(AUTO_BUDGET_BYTES);
  });

  it('bundles neither the promise polyfill nor the popup schemas', () => {
    expect(auto).not.toContain('This script should only be loaded in a browser extension');
    expect(auto).not.toContain('lookup-tab');
    expect(auto).not.toContain('get-outlet');
  });
});

describe("automatic mode's front-page script", () => {
  it('badges without the article extractor, which a front page never runs', () => {
    expect(gzipSync(front).length).toBeLessThan(gzipSync(auto).length * 0.7);
    // A string of the extractor's article detection that minification keeps.
    expect(auto).toContain('article:published_time');
    expect(front).not.toContain('article:published_time');
  });
});
