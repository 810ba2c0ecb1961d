import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/** The corpus formats ingest reads today; feeds (RSS, Atom, JSON Feed) come with the feed reader. */
export const JSON_LINES_FILE = /\.jsonl(\.gz)?$/i;

/** The lines of a `.jsonl` or `.jsonl.gz` file, streamed: corpora can be far larger than memory. */
export function readLines(path: string): AsyncIterable<string> {
  if (!JSON_LINES_FILE.test(path)) throw new Error(`${path}: not a JSON Lines file (.jsonl or .jsonl.gz)`);
  // Opened when iterated: readline emits lines whether or not anyone listens, so a consumer that
  // awaits I/O first (a PostgreSQL store) would lose them and wait forever for the end.
  return { [Symbol.asyncIterator]: () => openLines(path)[Symbol.asyncIterator]() };
}

function openLines(path: string): AsyncIterable<string> {
  const file = createReadStream(path);
  if (!path.toLowerCase().endsWith('.gz')) return createInterface({ input: file, crlfDelay: Infinity });
  const gunzip = createGunzip();
  file.on('error', (error) => gunzip.destroy(error));
  return createInterface({ input: file.pipe(gunzip), crlfDelay: Infinity });
}
