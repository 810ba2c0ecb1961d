/** Checks of a popup page shared by the end-to-end tests: axe-core, and light and dark screenshots. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from './extension-dir.js';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
export const SHOTS = join(ROOT, 'test-results');

/** axe-core's serious and critical violations on the page, as "rule: target" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated over the protocol, so the extension page's CSP (script-src 'self') does not apply.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    type Result = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const { axe } = window as unknown as { axe: { run(): Promise<{ violations: Result[] }> } };
    const { violations } = await axe.run();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

/** Checks the state with axe and saves its screenshot to test-results/, in light and in dark. */
export async function checkAndShoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    expect(await seriousViolations(page), `${name} (${colorScheme})`).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `popup-${name}-${colorScheme}.png`) });
  }
}
