/**
 * `npm run lint:firefox`: runs `web-ext lint` on dist/firefox and fails on any error or on any
 * warning that comes from our code (see lint-findings.ts for the one that does not).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeFinding, failingFindings, type LintReport } from './lint-findings.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sourceDir = resolve(root, process.argv[2] ?? 'dist/firefox');

const run = spawnSync(
  join(root, 'node_modules/.bin/web-ext'),
  ['lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
if (run.error) throw run.error;
const report = JSON.parse(run.stdout) as LintReport;
const failing = failingFindings(report, (file, line, column) => {
  const code = readFileSync(join(sourceDir, file), 'utf8').split('\n')[line - 1];
  // The linter's columns are 1-based; a few characters either side cover one assignment only.
  return code?.slice(Math.max(0, column - 4), column + 40);
});
const counts = `${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`;
if (failing.length > 0) {
  console.error(`web-ext lint on ${sourceDir}: ${counts}; from our code:`);
  for (const finding of failing) console.error(`  ${describeFinding(finding)}`);
  process.exit(1);
}
console.log(`web-ext lint on ${sourceDir}: ${counts}; none from our code.`);
