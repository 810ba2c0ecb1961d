/**
 * Where the end-to-end tests build and load the extension: dist/chrome, or E2E_EXTENSION_DIR so that
 * several test runs on one machine do not overwrite each other's build.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIR = resolve(ROOT, process.env.E2E_EXTENSION_DIR ?? 'dist/chrome');
