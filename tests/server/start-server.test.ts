import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/start-server.js';

const dir = mkdtempSync(join(tmpdir(), 'coverage-lens-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Two full starts (migrations, outlet directory, demo ingest, matching index): seconds on a busy machine.
describe('startServer', { timeout: 30_000 }, () => {
  it('serves the demo corpus on a free port, and restarts on the same database idempotently', async () => {
    const dbPath = join(dir, 'nested', 'coverage.db');
    for (let run = 0; run < 2; run += 1) {
      const server = await startServer({ dbPath, port: 0, demo: true });
      try {
        expect(server.port).toBeGreaterThan(0);
        expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });
        const response = await fetch(`${server.url}/v1/lookup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            items: [
              {
                title: 'x',
                url: 'https://www.theguardian.com/world/2025/aug/05/russia-quits-european-anti-torture-convention-putin-signs-law',
              },
            ],
          }),
        });
        const { results } = (await response.json()) as { results: { story: { sourceCount: number } }[] };
        expect(results[0]?.story.sourceCount).toBe(31);
        expect((await fetch(`${server.url}/demo/russia-torture-convention.html`)).status).toBe(200);
      } finally {
        await server.close();
      }
    }
  });
});
