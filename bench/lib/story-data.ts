/** Story evaluation data (../shared/eval/stories format), read through the same line parser as ingest. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseArticleLine, type IncomingArticle } from '../../src/server/ingest/article-line.js';

export const STORIES_DIR = fileURLToPath(new URL('../../../shared/eval/stories/', import.meta.url));
export const ROUNDUPS_FILE = `${STORIES_DIR}neus-roundups.jsonl`;
export const ALLSIDES_2021_FILE = `${STORIES_DIR}allsides-2021.jsonl`;
export const UCI_FILE = `${STORIES_DIR}uci-news-2014.jsonl.gz`;

export interface GoldArticle extends IncomingArticle {
  story: string;
}

export async function readStoryData(file: string): Promise<GoldArticle[]> {
  const raw = await readFile(file).catch(() => {
    throw new Error(`story data not found: ${file} (pass --data FILE)`);
  });
  const text = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const out: GoldArticle[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const parsed = parseArticleLine(line);
    const story = (JSON.parse(line) as { story?: unknown }).story;
    if (parsed.ok && typeof story === 'string') out.push({ ...parsed.article, story });
  }
  return out;
}

/** Roundup ids carry their split (`-train-` / `-val-`); other sets are one split. */
export function splitOf(id: string): 'train' | 'val' | 'all' {
  if (id.includes('-train-')) return 'train';
  if (id.includes('-val-')) return 'val';
  return 'all';
}

/** A seeded choice of `count` items (all when fewer): the same sample on every run. */
export function sample<T>(items: readonly T[], count: number, seed: number): T[] {
  if (items.length <= count) return [...items];
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const copy = [...items];
  for (let i = 0; i < count; i += 1) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, count);
}
