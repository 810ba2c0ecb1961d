/**
 * `npm run package` (after `npm run build`): the store uploads in dist/packages/, one zip per browser
 * plus the source zip that addons.mozilla.org asks for, all reproducible (see reproducible-zip.ts).
 * `npm run build-for-amo` passes `firefox` to make the Firefox zip only: reviewers build it from
 * the source zip, where there is no git to list the sources with.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTree, reproducibleZip } from './reproducible-zip.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

/** The files git tracks, as they are in the working tree: the commit's sources when it is clean. */
function trackedSources(): Map<string, Uint8Array> {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  const files = new Map<string, Uint8Array>();
  for (const path of listed.split('\0')) {
    if (path !== '' && existsSync(join(root, path))) files.set(path, readFileSync(join(root, path)));
  }
  return files;
}

const targets: Record<string, () => Map<string, Uint8Array>> = {
  chrome: () => readTree(resolve(root, 'dist/chrome')),
  firefox: () => readTree(resolve(root, 'dist/firefox')),
  source: trackedSources,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((target) => !(target in targets));
if (unknown.length > 0)
  throw new Error(`unknown package ${unknown.join(', ')}: pick from ${Object.keys(targets).join(', ')}`);
const outDir = resolve(root, 'dist/packages');
mkdirSync(outDir, { recursive: true });
for (const [target, files] of Object.entries(targets)) {
  if (wanted.length > 0 && !wanted.includes(target)) continue;
  const zip = join(outDir, `${name}-${version}-${target}.zip`);
  writeFileSync(zip, reproducibleZip(files()));
  console.log(zip);
}
