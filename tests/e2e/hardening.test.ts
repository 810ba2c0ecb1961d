/**
 * The built extension's hardening: no dynamic or remote code anywhere in its files, a strict CSP
 * that still lets its pages render with their styles, and nothing a web page can reach.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser.js';
import { EXTENSION_DIR } from './extension-dir.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Code that is built at run time or fetched from elsewhere. */
const DYNAMIC_CODE: [string, RegExp][] = [
  ['eval', /(?<![\w$.])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['Function constructor call', /(?<![\w$.])Function\s*\(\s*["'`]/],
  ['string timer', /set(?:Timeout|Interval)\s*\(\s*["'`]/],
  ['importScripts', /importScripts\s*\(/],
  ['remote import', /import\s*\(\s*["'`]https?:/],
  ['remote script', /<script[^>]+src\s*=\s*["']?(?:https?:)?\/\//i],
  ['wasm', /WebAssembly\.(?:compile|instantiate)/],
];

const manifest = () =>
  JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    content_security_policy: { extension_pages: string };
  };

describe('built bundle', () => {
  it('contains no eval, new Function or remote code', () => {
    const files = filesUnder(EXTENSION_DIR).filter((file) => /\.(?:js|mjs|html)$/.test(file));
    expect(files.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [name, pattern] of DYNAMIC_CODE) {
        if (pattern.test(text)) found.push(`${relative(EXTENSION_DIR, file)}: ${name}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the scanner finds what it looks for', () => {
    const samples = [
      'x = eval("1")',
      'new Function("return 1")',
      'Function("a", "return a")',
      "setTimeout('alert(1)', 0)",
      'importScripts("x.js")',
      'import("https://cdn.example/x.js")',
      '<script src="https://cdn.example/x.js"></script>',
      'WebAssembly.instantiate(bytes)',
    ];
    for (const sample of samples) expect(DYNAMIC_CODE.some(([, pattern]) => pattern.test(sample))).toBe(true);
    expect(DYNAMIC_CODE.some(([, pattern]) => pattern.test('retrieval(x); wrapAsyncFunction(a)'))).toBe(
      false,
    );
  });

  it('has a CSP that starts from nothing and allows no inline or dynamic code', () => {
    const directives = new Map(
      manifest()
        .content_security_policy.extension_pages.split(';')
        .map((part) => part.trim().split(/\s+/))
        .map(([name, ...values]) => [name ?? '', values] as const),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    for (const values of directives.values()) {
      // Port wildcards on the local API (`http://127.0.0.1:*`) are fine; host wildcards are not.
      expect(values.filter((v) => /unsafe|^\*|\/\/\*|^data:|^blob:/.test(v))).toEqual([]);
    }
  });
});

describe('extension pages under the CSP', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchExtensionBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('render with their styles and without CSP violations', async () => {
    for (const path of ['src/extension/popup/index.html', 'src/extension/options/index.html']) {
      const page = await browser.openExtensionPage(path);
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.locator('#app *').first().waitFor();
      const styled = await page.evaluate(() => ({
        sheets: document.styleSheets.length,
        margin: getComputedStyle(document.body).margin,
      }));
      // Both stylesheets set `body { margin: 0 … }`; the browser's default is 8px.
      expect(styled.sheets).toBeGreaterThan(0);
      expect(styled.margin).not.toBe('8px');
      expect(violations).toEqual([]);
      await page.close();
    }
    expect(browser.errors.splice(0)).toEqual([]);
  });
});
