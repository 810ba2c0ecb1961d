/**
 * Every JS file the built popup page loads: its entry script, the modules it preloads, and whatever
 * those import in turn, with each file's gzipped size (what the 25 KB budget of issue #5 counts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const POPUP_HTML = 'src/extension/popup/index.html';

export interface PopupScript {
  file: string;
  bytes: number;
  gzipBytes: number;
}

const HTML_SCRIPTS = /<(?:script[^>]*\bsrc|link[^>]*\brel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g;
// Static and dynamic imports between chunks, minified or not: from"./x.js", import("./x.js").
const JS_IMPORTS = /(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+\.js)["']/g;

export async function popupScripts(distDir: string): Promise<PopupScript[]> {
  const html = await readFile(join(distDir, POPUP_HTML), 'utf8');
  const pending = [...html.matchAll(HTML_SCRIPTS)].map((m) => resolveFrom('/', m[1] ?? ''));
  const seen = new Map<string, PopupScript>();
  while (pending.length > 0) {
    const file = pending.pop() ?? '';
    if (seen.has(file)) continue;
    const code = await readFile(join(distDir, file));
    seen.set(file, { file, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
    for (const m of code.toString('utf8').matchAll(JS_IMPORTS)) pending.push(resolveFrom(file, m[1] ?? ''));
  }
  return [...seen.values()].sort((a, b) => b.gzipBytes - a.gzipBytes);
}

/** A script reference as a path inside the build: absolute from its root, or relative to `from`. */
function resolveFrom(from: string, ref: string): string {
  return new URL(ref, `https://build.invalid/${from.replace(/^\//, '')}`).pathname.slice(1);
}
