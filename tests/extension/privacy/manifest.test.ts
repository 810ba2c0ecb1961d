/**
 * The manifest's privacy surface, spelled out: any change to what the extension may touch must
 * change this test too, and docs/privacy.md with it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(
  readFileSync(new URL('../../../manifest.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('manifest', () => {
  it('asks for what a click needs, and offers automatic mode as optional host access', () => {
    expect({
      permissions: manifest.permissions,
      optional_permissions: manifest.optional_permissions,
      host_permissions: manifest.host_permissions,
      optional_host_permissions: manifest.optional_host_permissions,
      content_security_policy: manifest.content_security_policy,
    }).toEqual({
      permissions: ['activeTab', 'scripting', 'storage'],
      optional_permissions: undefined,
      host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
      optional_host_permissions: ['*://*/*'],
      content_security_policy: {
        extension_pages:
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
          "connect-src https: http://127.0.0.1:* http://localhost:*; object-src 'none'; base-uri 'none'; " +
          "frame-ancestors 'none'; form-action 'none'",
      },
    });
  });

  it('declares no content scripts, nothing web-accessible and no outside connections', () => {
    for (const key of ['content_scripts', 'web_accessible_resources', 'externally_connectable', 'sandbox']) {
      expect(manifest).not.toHaveProperty(key);
    }
  });
});
