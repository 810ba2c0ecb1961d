/**
 * Zips files so that the same contents always give the same bytes, whatever the file times, the
 * order the disk lists them in, or the machine's time zone: entries sorted by path, one fixed
 * timestamp, one compression level.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync, type ZipOptions } from 'fflate';

/**
 * Every entry's time: the earliest a zip can hold (1980-01-01 00:00). Zip stores local time with no
 * zone, and fflate reads the zone-local fields of the Date, so it is built from local fields, at the
 * time of zipping, in whatever zone the process is in then.
 */
function zipEpoch(): Date {
  return new Date(1980, 0, 1, 0, 0, 0);
}

/** `files` maps slash-separated paths inside the zip to their contents. */
export function reproducibleZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const paths = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const options: ZipOptions = { mtime: zipEpoch(), level: 9 };
  const entries: Record<string, [Uint8Array, ZipOptions]> = {};
  for (const path of paths) entries[path] = [files.get(path) ?? new Uint8Array(), options];
  return zipSync(entries);
}

/** Every file under `dir`, keyed by its slash-separated path relative to `dir`. */
export function readTree(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split(sep).join('/'), readFileSync(path));
  }
  return files;
}
