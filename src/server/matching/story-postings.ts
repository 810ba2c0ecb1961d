/**
 * The story index's postings, split by time: per bucket of BUCKET_MS, per term, the stories whose
 * span (first to last article) touches the bucket, with how many of their articles hold the term. A
 * lookup reads only the buckets its window overlaps, not postings that reach back months. Stories are named by
 * their slot in the index, and a posting is a plain array of small integers, `[slot, count, slot,
 * count, …]`: candidate search reads it without hashing or following pointers. No I/O.
 */
import type { TimeWindow } from '../store/store.js';
import { MATCH_WINDOW_MS } from './time-window.js';

export type Posting = number[];
/** By term id (see TermStatistics). */
export type Postings = Map<number, Posting>;

/**
 * A window (twice this) spans two or three buckets. Narrower buckets read fewer stories outside the
 * window but hold more copies of stories spanning several; at 1,000,000 articles, buckets of one day
 * cost 15% more memory than these, for no faster lookups.
 */
const BUCKET_MS = MATCH_WINDOW_MS;

/**
 * The bucket of a time. A story's first bucket is its home: a search reading several buckets counts
 * the story only in the first of them that holds it. A story without a dated article (undated
 * evaluation data, first = Infinity) has the bucket Infinity, which only windowless searches read.
 */
export function bucketOf(time: number): number {
  return Math.floor(time / BUCKET_MS);
}

/** The buckets a story spanning `first` to `last` is posted in. */
export function bucketsOf(first: number, last: number): number[] {
  if (first > last) return [bucketOf(first)];
  const keys: number[] = [];
  for (let key = bucketOf(first); key <= bucketOf(last); key += 1) keys.push(key);
  return keys;
}

/** Where `slot` sits in `posting`, -1 when absent; from the end, where recent stories are. */
function entryOf(posting: Posting, slot: number): number {
  for (let i = posting.length - 2; i >= 0; i -= 2) if (posting[i] === slot) return i;
  return -1;
}

export class StoryPostings {
  private readonly buckets = new Map<number, Postings>();

  /** Posts a story that is not yet in the bucket's posting of `term`. */
  append(key: number, term: number, slot: number, count: number): void {
    let postings = this.buckets.get(key);
    if (postings === undefined) {
      postings = new Map();
      this.buckets.set(key, postings);
    }
    const posting = postings.get(term);
    if (posting === undefined) postings.set(term, [slot, count]);
    else posting.push(slot, count);
  }

  /** Counts one more article of the story holding `term`, posting the story when it is not yet. */
  increment(key: number, term: number, slot: number): void {
    const posting = this.buckets.get(key)?.get(term);
    const at = posting === undefined ? -1 : entryOf(posting, slot);
    if (posting !== undefined && at >= 0) posting[at + 1] = (posting[at + 1] ?? 0) + 1;
    else this.append(key, term, slot, 1);
  }

  /** Takes the story out of the bucket's postings of `terms` (its terms). */
  remove(key: number, terms: Iterable<number>, slot: number): void {
    const postings = this.buckets.get(key);
    if (postings === undefined) return;
    for (const term of terms) {
      const posting = postings.get(term);
      const at = posting === undefined ? -1 : entryOf(posting, slot);
      if (posting === undefined || at < 0) continue;
      const end = posting.length - 2;
      posting[at] = posting[end] ?? 0;
      posting[at + 1] = posting[end + 1] ?? 0;
      posting.length = end;
      if (end === 0) postings.delete(term);
    }
    if (postings.size === 0) this.buckets.delete(key);
  }

  /**
   * The buckets a window overlaps, with their keys: all of them without a window.
   * A story spanning several buckets is in several of them.
   */
  within(window: TimeWindow | null): [number, Postings][] {
    const from = window === null ? -Infinity : bucketOf(window.from);
    const to = window === null ? Infinity : bucketOf(window.to);
    if (!(to - from < this.buckets.size))
      return [...this.buckets].filter(([key]) => key >= from && key <= to);
    const within: [number, Postings][] = [];
    for (let key = from; key <= to; key += 1) {
      const postings = this.buckets.get(key);
      if (postings !== undefined) within.push([key, postings]);
    }
    return within;
  }
}
