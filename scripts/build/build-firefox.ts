/**
 * Builds the Firefox extension from the Chrome build: the same files, with Firefox's manifest.
 * Run after `vite build` (`npm run build` does both); also used by the end-to-end tests.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toFirefoxManifest, type Manifest } from './firefox-manifest.js';

export function buildFirefox(chromeDir: string, firefoxDir: string): void {
  rmSync(firefoxDir, { recursive: true, force: true });
  cpSync(chromeDir, firefoxDir, { recursive: true });
  const manifestPath = join(firefoxDir, 'manifest.json');
  const chrome = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  writeFileSync(manifestPath, `${JSON.stringify(toFirefoxManifest(chrome), null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  buildFirefox(resolve(root, 'dist/chrome'), resolve(root, 'dist/firefox'));
}
