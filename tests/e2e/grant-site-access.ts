/**
 * Grants and revokes one site's access the way Chromium's own "Site access" controls do, for tests
 * of automatic mode: headless Chromium cannot click the permission prompt that
 * `permissions.request` opens, so that call never answers there.
 *
 * The controls (`chrome.developerPrivate`, called from chrome://extensions) act on *withheld* host
 * permissions only; they ignore optional ones (tried: `addHostPermission` on the shipped build
 * changes nothing). So the tests load a copy of the build whose manifest holds every host as a
 * host permission instead of an optional one, then withhold all of them but the API's, and grant
 * sites one by one. The extension sees what it sees after a real grant: `permissions.onAdded`
 * with the site's pattern, and that pattern in `permissions.getAll()`; a revocation fires
 * `onRemoved`. Not covered: the prompt itself, and the button's call to `permissions.request`.
 * Beware: on such a copy, `scripting.executeScript` on a site not granted never answers (Chromium
 * holds the injection until the reader allows the site), where the shipped build fails at once.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** The little of `chrome.developerPrivate` used here (no typings ship for it). */
interface DeveloperPrivate {
  updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void>;
  addHostPermission(extensionId: string, host: string): Promise<void>;
  removeHostPermission(extensionId: string, host: string): Promise<void>;
}

export interface Manifest {
  permissions: string[];
  host_permissions: string[];
  optional_host_permissions?: string[];
}

/** Copies the build in `from` to `to`, with its manifest changed by `change`. */
export function copyBuild(from: string, to: string, change: (manifest: Manifest) => void): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  const file = join(to, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  change(manifest);
  writeFileSync(file, JSON.stringify(manifest, null, 2));
}

/**
 * Makes all hosts withholdable host permissions; the API's origins stay listed, so the extension
 * still counts them as its own rather than the reader's.
 */
export function withHostsWithheld(manifest: Manifest): void {
  manifest.host_permissions = [...manifest.host_permissions, ...(manifest.optional_host_permissions ?? [])];
  delete manifest.optional_host_permissions;
}

export interface SiteAccess {
  /** Grants `origin` (e.g. `http://www.example.com/*`), as "Site access → on this site" does. */
  grant(origin: string): Promise<void>;
  revoke(origin: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens chrome://extensions for the extension, withholds every host (the state of an install
 * where the reader has turned automatic mode on nowhere), and gives back the API's origins.
 */
export async function siteAccessOf(
  context: BrowserContext,
  extensionId: string,
  apiOrigins: readonly string[],
): Promise<SiteAccess> {
  const page: Page = await context.newPage();
  await page.goto(`chrome://extensions/?id=${extensionId}`);
  const call = (method: keyof DeveloperPrivate, ...args: unknown[]) =>
    page.evaluate(
      async ({ method, args }) => {
        const api = (
          globalThis as unknown as {
            chrome: { developerPrivate: Record<string, (...a: unknown[]) => Promise<void>> };
          }
        ).chrome.developerPrivate;
        await api[method]?.(...args);
      },
      { method, args },
    );
  await call('updateExtensionConfiguration', { extensionId, hostAccess: 'ON_SPECIFIC_SITES' });
  for (const origin of apiOrigins) await call('addHostPermission', extensionId, origin);
  return {
    grant: (origin) => call('addHostPermission', extensionId, origin),
    revoke: (origin) => call('removeHostPermission', extensionId, origin),
    close: () => page.close(),
  };
}
