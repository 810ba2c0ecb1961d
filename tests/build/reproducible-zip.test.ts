import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { readTree, reproducibleZip } from '../../scripts/build/reproducible-zip.js';

const encoder = new TextEncoder();
const FILES: [string, string][] = [
  ['manifest.json', '{"manifest_version": 3}'],
  ['assets/b.js', 'console.log("b")'],
  ['assets/a.js', 'console.log("a")'],
  ['icons/icon-16.png', 'not really a png'],
];

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes FILES in `order`, each with its own modification time. */
function writeTree(order: [string, string][], seconds: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'coverage-lens-zip-'));
  dirs.push(dir);
  for (const [path, text] of order) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
    utimesSync(join(dir, path), seconds, seconds);
  }
  return dir;
}

/** The paths of a zip's local file headers, in the order they are stored. */
function storedOrder(zip: Uint8Array): string[] {
  const names = Object.keys(unzipSync(zip));
  const text = Buffer.from(zip).toString('latin1');
  return names.sort((a, b) => text.indexOf(a) - text.indexOf(b));
}

describe('reproducibleZip', () => {
  it('gives the same bytes for the same files, whatever their times and creation order', () => {
    const first = reproducibleZip(readTree(writeTree(FILES, 1_000_000_000)));
    const second = reproducibleZip(readTree(writeTree([...FILES].reverse(), 1_700_000_000)));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('gives other bytes when a file changes', () => {
    const changed = FILES.map(([path, text]): [string, string] => [
      path,
      path === 'assets/a.js' ? `${text};` : text,
    ]);
    const first = reproducibleZip(readTree(writeTree(FILES, 1_000_000_000)));
    const second = reproducibleZip(readTree(writeTree(changed, 1_000_000_000)));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(false);
  });

  it('stores every file, sorted by path, under its relative path with its contents', () => {
    const zip = reproducibleZip(readTree(writeTree(FILES, 1_000_000_000)));
    expect(storedOrder(zip)).toEqual(['assets/a.js', 'assets/b.js', 'icons/icon-16.png', 'manifest.json']);
    const files = unzipSync(zip);
    for (const [path, text] of FILES) expect(files[path]).toEqual(encoder.encode(text));
  });

  it('stamps every entry with 1980-01-01 00:00, in every time zone', () => {
    const zone = process.env.TZ;
    const zipIn = (tz: string) => {
      process.env.TZ = tz;
      return reproducibleZip(new Map([['a.txt', encoder.encode('a')]]));
    };
    try {
      const zip = zipIn('UTC');
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata']) {
        expect(Buffer.from(zipIn(tz)).equals(Buffer.from(zip))).toBe(true);
      }
      const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
      // Local file header: DOS time at offset 10, DOS date at 12 (1980-01-01: year 0, month 1, day 1).
      expect(view.getUint32(0, true)).toBe(0x04034b50);
      expect(view.getUint16(10, true)).toBe(0);
      expect(view.getUint16(12, true)).toBe((1 << 5) | 1);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
