/** What the build must produce for the extension to be loadable and private (checked on dist/chrome). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './extension-dir.js';

const read = (file: string) => readFileSync(join(EXTENSION_DIR, file), 'utf8');
const manifest = JSON.parse(read('manifest.json')) as Record<string, unknown> & {
  background: { service_worker: string };
  action: { default_popup: string };
};

describe('built extension', () => {
  it('exposes nothing to web pages and declares no content scripts', () => {
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('content_scripts');
    expect(manifest.permissions).toEqual(['activeTab', 'scripting', 'storage']);
  });

  it('keeps a strict CSP for its pages', () => {
    expect(manifest.content_security_policy).toEqual({
      extension_pages: expect.stringMatching(/^default-src 'none'; script-src 'self';/),
    });
  });

  it('ships the content script as one self-contained classic script', () => {
    const script = read('src/extension/content/index.js');
    expect(script.trimStart().startsWith('(function')).toBe(true);
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
    expect(script).not.toMatch(/\bimport\(/);
  });

  it('runs the background code, not another entry, as its service worker', () => {
    const loader = read(manifest.background.service_worker);
    const imported = /import '\.\/(.+?)'/.exec(loader)?.[1];
    expect(imported).toBeDefined();
    // Property names survive minification: only the background injects scripts into tabs.
    expect(read(imported ?? '')).toContain('executeScript');
    expect(imported).not.toContain('content');
  });

  it('has the popup where the tests and the manifest expect it', () => {
    expect(manifest.action.default_popup).toBe('src/extension/popup/index.html');
    expect(read(manifest.action.default_popup)).toContain('<div id="app">');
  });
});
