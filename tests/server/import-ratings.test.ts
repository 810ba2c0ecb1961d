import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Rating } from '../../src/core/outlet.js';
import { createApp } from '../../src/server/app.js';
import { SqliteRatingsStore } from '../../src/server/ratings/ratings-store.js';
import { openStore } from '../../src/server/store/open-store.js';

const dir = mkdtempSync(join(tmpdir(), 'coverage-lens-ratings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = fileURLToPath(new URL('../../src/server/cli.ts', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/ratings/${name}`, import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });

// Each run starts Node with tsx: a second or more on a busy machine.
describe('coverage-lens import-ratings', { timeout: 120_000 }, () => {
  const db = join(dir, 'coverage.db');

  it('imports a CSV file, reporting accepted and rejected rows with their lines', () => {
    const result = run('import-ratings', '--db', db, fixture('e2e-ratings.csv'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('(csv): 4 imported (4 new, 0 replaced), 2 rejected');
    expect(result.stdout).toMatch(/line 6: no outlet in the directory for domain "notanewssite.example"/);
    expect(result.stdout).toMatch(/line 7: lean "sideways" is not on the scale/);
  });

  it('imports JSON, replacing earlier ratings and leaving the reader’s overrides out', () => {
    const again = run('import-ratings', '--db', db, fixture('e2e-ratings.csv'));
    expect(again.stdout).toContain('4 imported (0 new, 4 replaced)');
    const json = run('import-ratings', '--db', db, fixture('good.json'));
    expect(json.status).toBe(0);
    expect(json.stdout).toContain(
      '(json): 2 imported (2 new, 0 replaced), 0 rejected, 1 local-override rows skipped',
    );
  });

  it('serves imported ratings beside the directory’s from GET /v1/outlets/:domain; the lean stays the consensus', async () => {
    const store = await openStore(db);
    const importedRatings = new SqliteRatingsStore(db);
    try {
      const app = createApp({ store, importedRatings });
      const response = await app.request('/v1/outlets/www.theguardian.com');
      expect(response.status).toBe(200);
      const body = (await response.json()) as { id: string; lean: string; ratings: unknown[] };
      expect(body.id).toBe('the-guardian');
      expect(body.lean).toBe('lean-left');
      const ratings = body.ratings.map((r) => Rating.parse(r));
      expect(ratings.map((r) => r.rater)).toEqual(['coverage-lens', 'mbfc', 'example-rater']);
      expect(ratings.at(-1)).toMatchObject({ lean: 'right', factual: 'high', date: '2026-01' });
    } finally {
      await Promise.all([store.close(), importedRatings.close()]);
    }
  });

  it('fails clearly on bad usage, a missing file and an unreadable one', () => {
    expect(run('import-ratings', '--db', db).status).toBe(2);
    const missing = run('import-ratings', '--db', db, join(dir, 'missing.csv'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no such file');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '[{"domain": ');
    const unreadable = run('import-ratings', '--db', db, broken);
    expect(unreadable.status).toBe(1);
    expect(unreadable.stderr).toContain('nothing imported: not valid JSON');
  });
});
