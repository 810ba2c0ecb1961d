/** How many bytes of text a JSON Lines file holds, for a progress fraction; null when unknown. */
import { open, stat } from 'node:fs/promises';

export async function jsonLinesSize(path: string): Promise<number | null> {
  const { size } = await stat(path);
  if (!path.toLowerCase().endsWith('.gz')) return size;
  if (size < 18) return null;
  // A gzip member ends with its uncompressed size modulo 2^32 (RFC 1952, ISIZE).
  const file = await open(path, 'r');
  try {
    const trailer = Buffer.alloc(4);
    await file.read(trailer, 0, 4, size - 4);
    return trailer.readUInt32LE(0);
  } finally {
    await file.close();
  }
}
