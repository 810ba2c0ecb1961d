/**
 * The store packages of one commit are the same bytes on every build: a second, separate build of
 * this tree zips to exactly what the first (the one the other tests load) does, for both browsers.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFirefox } from '../../scripts/build/build-firefox.js';
import { readTree, reproducibleZip } from '../../scripts/build/reproducible-zip.js';
import { EXTENSION_DIR, FIREFOX_EXTENSION_DIR, ROOT } from './extension-dir.js';

const secondBuild = mkdtempSync(join(tmpdir(), 'coverage-lens-rebuild-'));
afterAll(() => rmSync(secondBuild, { recursive: true, force: true }));

const zipOf = (dir: string) => Buffer.from(reproducibleZip(readTree(dir)));

describe('store packages', () => {
  it('are byte-identical when the same sources are built again', async () => {
    const chrome = join(secondBuild, 'chrome');
    const firefox = join(secondBuild, 'firefox');
    await build({
      root: ROOT,
      configFile: `${ROOT}vite.config.ts`,
      logLevel: 'warn',
      build: { outDir: chrome },
    });
    buildFirefox(chrome, firefox);
    expect(zipOf(chrome).equals(zipOf(EXTENSION_DIR))).toBe(true);
    expect(zipOf(firefox).equals(zipOf(FIREFOX_EXTENSION_DIR))).toBe(true);
  });

  it('carry the version of package.json in both manifests', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const dir of [EXTENSION_DIR, FIREFOX_EXTENSION_DIR]) {
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string };
      expect(manifest.version).toBe(version);
    }
  });
});
