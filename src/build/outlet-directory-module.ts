/**
 * Build step (Vite plugin): validates data/outlets.json with the directory's zod schema and checks,
 * failing the build on any problem, and serves its compact form as the virtual module
 * `virtual:outlet-directory` (declared in src/extension/outlet-directory-module.d.ts). Only the
 * background and the extension pages import it, never a content script.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { compactDirectory } from '../core/compact-directory.js';
import { checkOutletDirectory } from '../core/outlet-directory-check.js';

const ID = 'virtual:outlet-directory';
const RESOLVED_ID = `\0${ID}`;
const SHIPPED_DIRECTORY = fileURLToPath(new URL('../../data/outlets.json', import.meta.url));

/** The virtual module's source; throws, naming every problem found, when the file is no valid directory. */
export function outletDirectorySource(file: string): string {
  const checked = checkOutletDirectory(JSON.parse(readFileSync(file, 'utf8')));
  if (!checked.ok)
    throw new Error(`${file} is not a valid outlet directory:\n  ${checked.problems.join('\n  ')}`);
  // JSON.parse of a string literal loads faster than the same data as an object literal.
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(compactDirectory(checked.directory)))});`;
}

export function outletDirectoryModule(file = SHIPPED_DIRECTORY): Plugin {
  let source = '';
  return {
    name: 'coverage-lens:outlet-directory',
    // Checked at the start of every build, even one that happens not to import the module.
    buildStart() {
      this.addWatchFile(file);
      source = outletDirectorySource(file);
    },
    resolveId: (id) => (id === ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? source || outletDirectorySource(file) : undefined),
  };
}
