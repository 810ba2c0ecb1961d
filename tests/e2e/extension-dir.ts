/**
 * Where the end-to-end tests build and load the extension: dist/chrome, or E2E_EXTENSION_DIR so that
 * several test runs on one machine do not overwrite each other's build.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIR = resolve(ROOT, process.env.E2E_EXTENSION_DIR ?? 'dist/chrome');
/** The Firefox build beside it: dist/firefox, or E2E_EXTENSION_DIR with `-firefox` appended. */
export const FIREFOX_EXTENSION_DIR = process.env.E2E_EXTENSION_DIR
  ? `${EXTENSION_DIR}-firefox`
  : resolve(ROOT, 'dist/firefox');
