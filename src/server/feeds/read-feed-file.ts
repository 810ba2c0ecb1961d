/** A feed document saved as a file (RSS, RDF, Atom, JSON Feed), as article records for ingest. */
import { readFile, stat } from 'node:fs/promises';
import { decodeFeedBytes } from './decode-feed-bytes.js';
import { feedArticles, type ArticleRecord } from './feed-articles.js';

/** Feed documents are small; a larger file is surely something else. */
const MAX_FEED_FILE_BYTES = 50 * 1024 * 1024;

export async function readFeedFile(path: string): Promise<ArticleRecord[]> {
  if ((await stat(path)).size > MAX_FEED_FILE_BYTES) {
    throw new Error(`${path}: over ${MAX_FEED_FILE_BYTES} bytes, too large for a feed document`);
  }
  const parsed = feedArticles(decodeFeedBytes(await readFile(path), null));
  if (!parsed.ok) {
    throw new Error(`${path}: not an RSS, Atom or JSON Feed document, nor JSON Lines (${parsed.reason})`);
  }
  return parsed.records;
}
