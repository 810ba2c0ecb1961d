/**
 * The in-memory matching index: recent stories with their term counts, article times and
 * representative article, and postings from each term to the stories holding it, split by time
 * (story-postings.ts) so that a lookup reads only its window's. The store stays the source of
 * truth; the index is rebuilt from it at start and catches up with articles other processes stored
 * (see StoryEngine). No I/O here.
 */
import type { TimeWindow } from '../store/store.js';
import type { ArticleTerms } from './article-terms.js';
import type { WeightedItem } from './match-features.js';
import { bucketOf, bucketsOf, StoryPostings } from './story-postings.js';
import { UNKNOWN_TERM, type TermStatistics } from './term-statistics.js';

export interface IndexedArticle {
  storyId: string;
  /** Null only for undated evaluation data: stored articles always carry a time. */
  publishedAt: number | null;
  title: string;
  description: string | null;
  terms: ArticleTerms;
}

/** The headline a story shows: its most representative article's. */
export interface StoryHeadline {
  title: string;
  description: string | null;
}

export class IndexedStory {
  size = 0;
  /** In how many of the story's articles each term (by id) occurs, in the title and anywhere. */
  readonly titleCounts = new Map<number, number>();
  readonly textCounts = new Map<number, number>();
  /** Publication times of its dated articles, ascending. */
  readonly times: number[] = [];
  first = Infinity;
  last = -Infinity;
  /** Sum over its articles of their term weight at the time they joined: size-normalised, a typical article's weight. */
  mass = 0;
  /**
   * Squared length of the story's centroid (term counts weighted by IDF as the terms arrived): the
   * denominator of the centroid cosine, kept up to date instead of summed per lookup.
   */
  normSquared = 0;
  /** The text term ids of its latest articles (at most RECENT_ARTICLES), oldest first: stories drift. */
  readonly recent: (readonly number[])[] = [];
  headline: StoryHeadline | null = null;
  headlineTerms: readonly number[] = [];

  constructor(
    readonly id: string,
    /** Its place in the index's scratch arrays, reused after eviction. */
    readonly slot: number,
  ) {}
}

/** An article (or a whole story) left out of the index while scoring: leave-one-out evaluation. */
export interface Exclusion {
  storyId: string;
  /** The article left out; absent: the whole story is. */
  article?: { terms: ArticleTerms; publishedAt: number | null; mass: number };
}

/** An exclusion as scoring reads it: the left-out article's terms as ids (`StoryIndex.resolve`). */
export interface ResolvedExclusion {
  storyId: string;
  article?: { text: readonly number[]; title: readonly number[]; publishedAt: number | null; mass: number };
}

/** How many of a story's latest articles the nearest-article feature compares with. */
export const RECENT_ARTICLES = 6;

/** Terms in more than this share of documents find too many stories to be worth probing. */
const PROBE_MAX_DF_SHARE = 0.02;
/**
 * Probing goes from the item's rarest term to its commonest and stops once it has read this many
 * posting entries (after at least MIN_PROBES terms): on a large store the common terms' postings
 * cost the most and tell the least.
 */
const PROBE_BUDGET = 5000;
const MIN_PROBES = 3;

function insertSorted(values: number[], value: number): void {
  let i = values.length;
  while (i > 0 && (values[i - 1] ?? 0) > value) i -= 1;
  values.splice(i, 0, value);
}

/**
 * Per story slot, what candidate search reads of a story, side by side in one array (a cache line a
 * story) rather than in story objects spread over the heap: copies of its first and last article
 * time and its size, and the search's running score (zero between searches).
 */
const FIRST = 0;
const LAST = 1;
const SIZE = 2;
const SCORE = 3;
const STRIDE = 4;

/** The `limit` slots of highest score, best first; ties go to the story with the latest article. */
function topByScore(slots: readonly number[], spans: Float64Array, limit: number): number[] {
  const top: number[] = [];
  const ahead = (a: number, b: number) => {
    const sa = spans[a * STRIDE + SCORE] ?? 0;
    const sb = spans[b * STRIDE + SCORE] ?? 0;
    return sa > sb || (sa === sb && (spans[a * STRIDE + LAST] ?? 0) > (spans[b * STRIDE + LAST] ?? 0));
  };
  for (const slot of slots) {
    const last = top[top.length - 1];
    if (top.length >= limit && (last === undefined || !ahead(slot, last))) continue;
    let i = Math.min(top.length, limit - 1);
    while (i > 0 && ahead(slot, top[i - 1] as number)) i -= 1;
    top.splice(i, 0, slot);
    if (top.length > limit) top.pop();
  }
  return top;
}

function increment(counts: Map<number, number>, terms: readonly number[]): void {
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
}

export class StoryIndex {
  readonly stats: TermStatistics;
  private readonly stories = new Map<string, IndexedStory>();
  private readonly postings = new StoryPostings();
  private readonly bySlot: (IndexedStory | undefined)[] = [];
  private spans = new Float64Array(1024 * STRIDE);
  private newestTime = -Infinity;
  private readonly freeSlots: number[] = [];
  private nextSlot = 0;

  constructor(stats: TermStatistics) {
    this.stats = stats;
  }

  get storyCount(): number {
    return this.stories.size;
  }

  /** The newest publication time indexed: the index's present. */
  get newest(): number {
    return this.newestTime;
  }

  get(storyId: string): IndexedStory | undefined {
    return this.stories.get(storyId);
  }

  /** An article's weight: the sum of its terms' IDF. */
  massOf(terms: ArticleTerms): number {
    let mass = 0;
    for (const term of terms.text) mass += this.stats.idf(term);
    return mass;
  }

  /** The exclusion with its article's terms as ids; null for none. */
  resolve(exclusion: Exclusion | null): ResolvedExclusion | null {
    if (exclusion === null) return null;
    if (exclusion.article === undefined) return { storyId: exclusion.storyId };
    const { terms, publishedAt, mass } = exclusion.article;
    // Terms no indexed article holds are in no story: nothing to leave out.
    const ids = (list: readonly string[]) =>
      list.map((term) => this.stats.idOf(term)).filter((id) => id !== UNKNOWN_TERM);
    return {
      storyId: exclusion.storyId,
      article: { text: ids(terms.text), title: ids(terms.title), publishedAt, mass },
    };
  }

  /**
   * Adds an article to its story (created when new) and returns whether the story's representative
   * headline changed: the headline closest to the centroid of the story's headlines, earliest on ties.
   */
  add(article: IndexedArticle): boolean {
    const story = this.stories.get(article.storyId) ?? this.create(article.storyId);
    const before = story.size === 0 ? [] : bucketsOf(story.first, story.last);
    const title = article.terms.title.map((term) => this.stats.intern(term));
    const text = article.terms.text.map((term) => this.stats.intern(term));
    this.stats.add(text);
    let mass = 0;
    for (const term of text) mass += this.stats.idfOf(term);
    story.mass += mass;
    story.size += 1;
    increment(story.titleCounts, title);
    for (const term of text) {
      const count = story.textCounts.get(term) ?? 0;
      const idf = this.stats.idfOf(term);
      story.normSquared += idf * idf * (2 * count + 1);
      story.textCounts.set(term, count + 1);
    }
    story.recent.push(text);
    if (story.recent.length > RECENT_ARTICLES) story.recent.shift();
    if (article.publishedAt !== null) {
      insertSorted(story.times, article.publishedAt);
      story.first = Math.min(story.first, article.publishedAt);
      story.last = Math.max(story.last, article.publishedAt);
      this.newestTime = Math.max(this.newestTime, article.publishedAt);
    }
    this.copySpan(story);
    this.repost(story, before, text);
    return this.offerHeadline(story, { title: article.title, description: article.description }, title);
  }

  /**
   * The cosine between two stories' centroids (term counts weighted by IDF): how alike their
   * articles are as wholes, where a single article's similarity to either says less.
   */
  centroidCosine(a: IndexedStory, b: IndexedStory): number {
    const [small, large] = a.textCounts.size <= b.textCounts.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [term, count] of small.textCounts) {
      const other = large.textCounts.get(term);
      if (other === undefined) continue;
      const idf = this.stats.idfOf(term);
      dot += idf * idf * count * other;
    }
    const norms = Math.sqrt(a.normSquared * b.normSquared);
    return norms > 0 ? dot / norms : 0;
  }

  /**
   * Folds story `fromId` into story `intoId`: its articles' terms, times and headline candidates join
   * the survivor and it leaves the index.
   */
  merge(intoId: string, fromId: string): void {
    const into = this.stories.get(intoId);
    const from = this.stories.get(fromId);
    if (into === undefined || from === undefined || into === from) return;
    for (const key of bucketsOf(from.first, from.last))
      this.postings.remove(key, from.textCounts.keys(), from.slot);
    for (const key of bucketsOf(into.first, into.last))
      this.postings.remove(key, into.textCounts.keys(), into.slot);
    into.size += from.size;
    into.mass += from.mass;
    for (const [term, count] of from.titleCounts)
      into.titleCounts.set(term, (into.titleCounts.get(term) ?? 0) + count);
    // (a + b)² = a² + b² + 2ab per term: both norms are kept, the cross terms added at today's IDF.
    into.normSquared += from.normSquared;
    for (const [term, count] of from.textCounts) {
      const held = into.textCounts.get(term) ?? 0;
      const idf = this.stats.idfOf(term);
      into.normSquared += 2 * idf * idf * held * count;
      into.textCounts.set(term, held + count);
    }
    for (const time of from.times) insertSorted(into.times, time);
    into.first = Math.min(into.first, from.first);
    into.last = Math.max(into.last, from.last);
    into.recent.unshift(...from.recent);
    into.recent.splice(0, Math.max(0, into.recent.length - RECENT_ARTICLES));
    this.stories.delete(from.id);
    this.bySlot[from.slot] = undefined;
    this.freeSlots.push(from.slot);
    this.copySpan(into);
    for (const key of bucketsOf(into.first, into.last))
      for (const [term, count] of into.textCounts) this.postings.append(key, term, into.slot, count);
    if (from.headline !== null) this.offerHeadline(into, from.headline, from.headlineTerms);
  }

  /** Copies the story's span and size into its slot of the array candidate search reads. */
  private copySpan(story: IndexedStory): void {
    const at = story.slot * STRIDE;
    this.spans[at + FIRST] = story.first;
    this.spans[at + LAST] = story.last;
    this.spans[at + SIZE] = story.size;
  }

  /**
   * Makes `headline` the story's when its title is closer to the centroid of the story's titles than
   * the current one's (earliest on ties); returns whether it did.
   */
  private offerHeadline(
    story: IndexedStory,
    headline: StoryHeadline,
    titleTerms: readonly number[],
  ): boolean {
    const centrality = (terms: readonly number[]) => {
      let sum = 0;
      for (const term of terms) sum += story.titleCounts.get(term) ?? 0;
      return terms.length === 0 ? 0 : sum / Math.sqrt(terms.length);
    };
    if (story.headline === null || centrality(titleTerms) > centrality(story.headlineTerms)) {
      story.headline = headline;
      story.headlineTerms = titleTerms;
      return true;
    }
    return false;
  }

  /** Drops stories whose last article is older than `time`; memory stays bounded by the window kept. */
  evictBefore(time: number): number {
    let evicted = 0;
    for (const story of this.stories.values()) {
      if (story.last >= time) continue;
      for (const key of bucketsOf(story.first, story.last))
        this.postings.remove(key, story.textCounts.keys(), story.slot);
      this.stories.delete(story.id);
      this.bySlot[story.slot] = undefined;
      this.freeSlots.push(story.slot);
      evicted += 1;
    }
    return evicted;
  }

  private create(storyId: string): IndexedStory {
    const story = new IndexedStory(storyId, this.freeSlots.pop() ?? this.nextSlot++);
    if (this.spans.length <= story.slot * STRIDE) {
      const spans = new Float64Array(this.spans.length * 2);
      spans.set(this.spans);
      this.spans = spans;
    }
    this.stories.set(storyId, story);
    this.bySlot[story.slot] = story;
    return story;
  }

  /**
   * Keeps a story posted in the buckets of its span after an article (of `terms`) joined it: the
   * buckets it was in (`before`) take the article's terms, the ones its span reached take all its
   * counts, and it leaves the undated bucket once it has a dated article.
   */
  private repost(story: IndexedStory, before: readonly number[], terms: readonly number[]): void {
    const after = bucketsOf(story.first, story.last);
    for (const key of before)
      if (!after.includes(key)) this.postings.remove(key, story.textCounts.keys(), story.slot);
    for (const key of after) {
      if (!before.includes(key)) {
        for (const [term, count] of story.textCounts) this.postings.append(key, term, story.slot, count);
        continue;
      }
      for (const term of terms) {
        // A term new to the story is new to its postings: no need to look for its entry.
        if (story.textCounts.get(term) === 1) this.postings.append(key, term, story.slot, 1);
        else this.postings.increment(key, term, story.slot);
      }
    }
  }

  /**
   * Stories sharing the item's distinctive terms, within the window when one is given, best first by
   * the IDF-weighted share of the item's terms they hold; at most `limit`.
   */
  candidates(
    item: WeightedItem,
    window: TimeWindow | null,
    exclusion: ResolvedExclusion | null,
    limit: number,
  ): IndexedStory[] {
    const maxDf = Math.max(2, this.stats.documents * PROBE_MAX_DF_SHARE);
    const floor = Math.log(1 + (this.stats.documents - maxDf + 0.5) / (maxDf + 0.5));
    const { textIds, textWeights: idfs } = item;
    // Common terms are probed only when the item has nothing rarer.
    const rareOnly = idfs.some((idf) => idf >= floor);
    const excluded = exclusion === null ? -1 : (this.stories.get(exclusion.storyId)?.slot ?? -1);
    const left = exclusion?.article?.text;
    const from = window?.from ?? -Infinity;
    const to = window?.to ?? Infinity;
    const buckets = this.postings.within(window);
    const fromBucket = window === null ? -Infinity : bucketOf(window.from);
    // Hot loop (every lookup and every ingested article): plain arrays indexed by story slot.
    const { spans } = this;
    const touched: number[] = [];
    const rarestFirst = idfs.map((_, t) => t).sort((a, b) => (idfs[b] ?? 0) - (idfs[a] ?? 0));
    let probed = 0;
    let read = 0;
    for (const t of rarestFirst) {
      const term = textIds[t] ?? UNKNOWN_TERM;
      const idf = idfs[t] ?? 0;
      if (rareOnly && idf < floor) continue;
      if (probed >= MIN_PROBES && read >= PROBE_BUDGET) break;
      const held = left?.includes(term) === true ? 1 : 0;
      let found = false;
      for (const [key, postings] of buckets) {
        const posting = postings.get(term);
        if (posting === undefined) continue;
        found = true;
        read += posting.length / 2;
        for (let i = 0; i < posting.length; i += 2) {
          const slot = posting[i] ?? 0;
          const at = slot * STRIDE;
          const first = spans[at + FIRST] ?? 0;
          if ((spans[at + LAST] ?? 0) < from || first > to) continue;
          // Counted once: in the first bucket read that holds the story.
          if (key !== Math.max(bucketOf(first), fromBucket)) continue;
          const count = posting[i + 1] ?? 0;
          const size = spans[at + SIZE] ?? 1;
          let share = count / size;
          if (slot === excluded) {
            if (left === undefined || count - held <= 0) continue;
            share = (count - held) / (size - 1);
          }
          if (spans[at + SCORE] === 0) touched.push(slot);
          spans[at + SCORE] = (spans[at + SCORE] ?? 0) + idf * share;
        }
      }
      if (found) probed += 1;
    }
    const best = topByScore(touched, spans, limit);
    for (const slot of touched) spans[slot * STRIDE + SCORE] = 0;
    return best.map((slot) => this.bySlot[slot] as IndexedStory);
  }
}
