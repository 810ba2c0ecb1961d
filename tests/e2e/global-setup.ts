/**
 * Builds the extension once, for Chromium and Firefox (into dist/chrome and dist/firefox unless
 * E2E_EXTENSION_DIR says otherwise), before the end-to-end tests load it.
 */
import { build } from 'vite';
import { buildFirefox } from '../../scripts/build/build-firefox.js';
import { chromiumPath } from './chromium-path.js';
import { EXTENSION_DIR, FIREFOX_EXTENSION_DIR, ROOT } from './extension-dir.js';

export default async function setup(): Promise<void> {
  chromiumPath(); // Fail first, with instructions, when there is no browser to test in.
  await build({
    root: ROOT,
    configFile: `${ROOT}vite.config.ts`,
    logLevel: 'warn',
    build: { outDir: EXTENSION_DIR },
  });
  buildFirefox(EXTENSION_DIR, FIREFOX_EXTENSION_DIR);
}
