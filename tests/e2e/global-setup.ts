/** Builds the extension once into dist/chrome before the end-to-end tests load it. */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromiumPath } from './chromium-path.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(): Promise<void> {
  chromiumPath(); // Fail first, with instructions, when there is no browser to test in.
  await build({ root: ROOT, configFile: `${ROOT}vite.config.ts`, logLevel: 'warn' });
}
