/**
 * The in-memory matching index: recent stories with their term counts, article times and
 * representative article, and postings from each term to the stories holding it. The store stays
 * the source of truth; the index is rebuilt from it at start and catches up with articles other
 * processes stored (see StoryEngine). No I/O here.
 */
import type { TimeWindow } from '../store/store.js';
import type { ArticleTerms } from './article-terms.js';
import type { TermStatistics } from './term-statistics.js';
import { MATCH_WINDOW_MS } from './time-window.js';

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
  /** In how many of the story's articles each term occurs, in the title and anywhere. */
  readonly titleCounts = new Map<string, number>();
  readonly textCounts = new Map<string, number>();
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
  /** The text terms of its latest articles (at most RECENT_ARTICLES), oldest first: stories drift. */
  readonly recent: (readonly string[])[] = [];
  headline: StoryHeadline | null = null;
  headlineTerms: readonly string[] = [];

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
/**
 * Stories whose last article lies within this span before the newest also sit in the active
 * postings: lookups and ingest about the present read those, not postings that reach back months.
 */
const ACTIVE_SPAN_MS = MATCH_WINDOW_MS;
const HOUR = 3_600_000;

function insertSorted(values: number[], value: number): void {
  let i = values.length;
  while (i > 0 && (values[i - 1] ?? 0) > value) i -= 1;
  values.splice(i, 0, value);
}

/** The `limit` stories of highest score, best first; ties go to the story with the latest article. */
function topByScore(stories: readonly IndexedStory[], scores: Float64Array, limit: number): IndexedStory[] {
  const top: IndexedStory[] = [];
  const ahead = (a: IndexedStory, b: IndexedStory) => {
    const sa = scores[a.slot] ?? 0;
    const sb = scores[b.slot] ?? 0;
    return sa > sb || (sa === sb && a.last > b.last);
  };
  for (const story of stories) {
    const last = top[top.length - 1];
    if (top.length >= limit && (last === undefined || !ahead(story, last))) continue;
    let i = Math.min(top.length, limit - 1);
    while (i > 0 && ahead(story, top[i - 1] as IndexedStory)) i -= 1;
    top.splice(i, 0, story);
    if (top.length > limit) top.pop();
  }
  return top;
}

function increment(counts: Map<string, number>, terms: readonly string[]): void {
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
}

type Postings = Map<string, Map<IndexedStory, number>>;

function post(postings: Postings, term: string, story: IndexedStory, count: number): void {
  let posting = postings.get(term);
  if (posting === undefined) {
    posting = new Map();
    postings.set(term, posting);
  }
  posting.set(story, (posting.get(story) ?? 0) + count);
}

function unpost(postings: Postings, story: IndexedStory): void {
  for (const term of story.textCounts.keys()) {
    const posting = postings.get(term);
    posting?.delete(story);
    if (posting?.size === 0) postings.delete(term);
  }
}

export class StoryIndex {
  readonly stats: TermStatistics;
  private readonly stories = new Map<string, IndexedStory>();
  /**
   * Per term, the stories holding it with how many of their articles do: a copy of `textCounts`
   * that candidate search reads without hashing.
   */
  private readonly postings: Postings = new Map();
  /** The same for the stories whose last article is at or after `activeSince`, and only those. */
  private readonly activePostings: Postings = new Map();
  private readonly active = new Set<IndexedStory>();
  private activeSince = -Infinity;
  private newestTime = -Infinity;
  private scratch = new Float64Array(1024);
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

  /**
   * Adds an article to its story (created when new) and returns whether the story's representative
   * headline changed: the headline closest to the centroid of the story's headlines, earliest on ties.
   */
  add(article: IndexedArticle): boolean {
    let story = this.stories.get(article.storyId);
    if (story === undefined) {
      story = new IndexedStory(article.storyId, this.freeSlots.pop() ?? this.nextSlot++);
      if (story.slot >= this.scratch.length) {
        const grown = new Float64Array(this.scratch.length * 2);
        grown.set(this.scratch);
        this.scratch = grown;
      }
      this.stories.set(story.id, story);
    }
    const { terms } = article;
    this.stats.add(terms.text);
    story.mass += this.massOf(terms);
    story.size += 1;
    increment(story.titleCounts, terms.title);
    for (const term of terms.text) {
      const count = story.textCounts.get(term) ?? 0;
      const idf = this.stats.idf(term);
      story.normSquared += idf * idf * (2 * count + 1);
      story.textCounts.set(term, count + 1);
      post(this.postings, term, story, 1);
    }
    story.recent.push(terms.text);
    if (story.recent.length > RECENT_ARTICLES) story.recent.shift();
    if (article.publishedAt !== null) {
      insertSorted(story.times, article.publishedAt);
      story.first = Math.min(story.first, article.publishedAt);
      story.last = Math.max(story.last, article.publishedAt);
      this.newestTime = Math.max(this.newestTime, article.publishedAt);
      this.keepActive(story, terms.text);
    }
    const centrality = (titleTerms: readonly string[]) => {
      let sum = 0;
      for (const term of titleTerms) sum += story.titleCounts.get(term) ?? 0;
      return titleTerms.length === 0 ? 0 : sum / Math.sqrt(titleTerms.length);
    };
    if (story.headline === null || centrality(terms.title) > centrality(story.headlineTerms)) {
      story.headline = { title: article.title, description: article.description };
      story.headlineTerms = terms.title;
      return true;
    }
    return false;
  }

  /** Drops stories whose last article is older than `time`; memory stays bounded by the window kept. */
  evictBefore(time: number): number {
    let evicted = 0;
    for (const story of this.stories.values()) {
      if (story.last >= time) continue;
      unpost(this.postings, story);
      if (this.active.delete(story)) unpost(this.activePostings, story);
      this.stories.delete(story.id);
      this.freeSlots.push(story.slot);
      evicted += 1;
    }
    return evicted;
  }

  /**
   * Every story whose last article is at or after `activeSince` is in the active postings: a story
   * enters with all its counts, takes each new article's terms, and leaves when the span (advanced
   * hourly) has passed it.
   */
  private keepActive(story: IndexedStory, terms: readonly string[]): void {
    if (this.active.has(story)) {
      for (const term of terms) post(this.activePostings, term, story, 1);
    } else if (story.last >= this.activeSince) {
      this.active.add(story);
      for (const [term, count] of story.textCounts) post(this.activePostings, term, story, count);
    }
    const since = this.newestTime - ACTIVE_SPAN_MS;
    if (since - this.activeSince < HOUR) return;
    this.activeSince = since;
    for (const old of this.active) {
      if (old.last >= since) continue;
      this.active.delete(old);
      unpost(this.activePostings, old);
    }
  }

  /**
   * Stories sharing the item's distinctive terms, within the window when one is given, best first by
   * the IDF-weighted share of the item's terms they hold; at most `limit`.
   */
  candidates(
    terms: ArticleTerms,
    window: TimeWindow | null,
    exclusion: Exclusion | null,
    limit: number,
  ): IndexedStory[] {
    const maxDf = Math.max(2, this.stats.documents * PROBE_MAX_DF_SHARE);
    const floor = Math.log(1 + (this.stats.documents - maxDf + 0.5) / (maxDf + 0.5));
    const idfs = terms.text.map((term) => this.stats.idf(term));
    // Common terms are probed only when the item has nothing rarer.
    const rareOnly = idfs.some((idf) => idf >= floor);
    const excluded = exclusion === null ? undefined : this.stories.get(exclusion.storyId);
    const left = exclusion?.article?.terms.text;
    const from = window?.from ?? -Infinity;
    const to = window?.to ?? Infinity;
    // Hot loop (every lookup and every ingested article): scores accumulate in a scratch array by
    // story slot, not in a Map keyed by objects.
    const postings = window !== null && window.from >= this.activeSince ? this.activePostings : this.postings;
    const scores = this.scratch;
    const touched: IndexedStory[] = [];
    const rarestFirst = idfs.map((_, t) => t).sort((a, b) => (idfs[b] ?? 0) - (idfs[a] ?? 0));
    let probed = 0;
    let read = 0;
    for (const t of rarestFirst) {
      const term = terms.text[t] as string;
      const idf = idfs[t] ?? 0;
      if (rareOnly && idf < floor) continue;
      const posting = postings.get(term);
      if (posting === undefined) continue;
      if (probed >= MIN_PROBES && read >= PROBE_BUDGET) break;
      probed += 1;
      read += posting.size;
      posting.forEach((count, story) => {
        if (story.last < from || story.first > to) return;
        let share = count / story.size;
        if (story === excluded) {
          if (left === undefined) return;
          const kept = count - (left.includes(term) ? 1 : 0);
          if (kept <= 0) return;
          share = kept / (story.size - 1);
        }
        const slot = story.slot;
        if (scores[slot] === 0) touched.push(story);
        scores[slot] = (scores[slot] ?? 0) + idf * share;
      });
    }
    const best = topByScore(touched, scores, limit);
    for (const story of touched) scores[story.slot] = 0;
    return best;
  }
}
