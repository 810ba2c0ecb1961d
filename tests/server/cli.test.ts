import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'coverage-lens-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each run starts Node with tsx: about a second.
describe('the coverage-lens command', { timeout: 120_000 }, () => {
  const bin = fileURLToPath(new URL('../../bin/coverage-lens.js', import.meta.url));
  const cli = fileURLToPath(new URL('../../src/server/cli.ts', import.meta.url));
  // Through the package's launcher once; straight through tsx otherwise, which starts one process less.
  const runBin = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });

  it('migrates and ingests JSON Lines files, printing a summary per file', () => {
    const db = join(dir, 'cli.db');
    expect(runBin('migrate', '--db', db).status).toBe(0);
    const file = join(dir, 'a.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: '1', title: 'A headline about a thing' })}\nnot json\n`);
    const ingest = run('ingest', '--db', db, file);
    expect(ingest.status).toBe(0);
    expect(ingest.stdout).toContain('"added":1');
    expect(ingest.stdout).toContain('"invalid-json":1');
  });

  it('fails clearly on bad usage and missing files', () => {
    expect(run('frobnicate').status).toBe(2);
    expect(run('ingest', '--db', join(dir, 'x.db')).status).toBe(2);
    expect(run('serve', '--port', 'eighty').status).toBe(2);
    const missing = run('ingest', '--db', join(dir, 'x.db'), join(dir, 'missing.jsonl'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no such file');
  });
});
