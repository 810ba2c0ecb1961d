/**
 * The in-memory matching index: recent stories with their term counts, article times and
 * representative article, and postings from each term to the stories holding it. The store stays
 * the source of truth; the index is rebuilt from it at start and catches up with articles other
 * processes stored (see StoryEngine). No I/O here.
 */
import type { TimeWindow } from '../store/store.js';
import type { ArticleTerms } from './article-terms.js';
import type { TermStatistics } from './term-statistics.js';

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
  headline: StoryHeadline | null = null;
  headlineTerms: readonly string[] = [];

  constructor(readonly id: string) {}
}

/** An article (or a whole story) left out of the index while scoring: leave-one-out evaluation. */
export interface Exclusion {
  storyId: string;
  /** The article left out; absent: the whole story is. */
  article?: { terms: ArticleTerms; publishedAt: number | null; mass: number };
}

/** Terms in more than this share of documents find too many stories to be worth probing. */
const PROBE_MAX_DF_SHARE = 0.02;

function insertSorted(values: number[], value: number): void {
  let i = values.length;
  while (i > 0 && (values[i - 1] ?? 0) > value) i -= 1;
  values.splice(i, 0, value);
}

function increment(counts: Map<string, number>, terms: readonly string[]): void {
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
}

export class StoryIndex {
  readonly stats: TermStatistics;
  private readonly stories = new Map<string, IndexedStory>();
  private readonly postings = new Map<string, Set<IndexedStory>>();
  private newestTime = -Infinity;

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
      story = new IndexedStory(article.storyId);
      this.stories.set(story.id, story);
    }
    const { terms } = article;
    this.stats.add(terms.text);
    story.mass += this.massOf(terms);
    story.size += 1;
    increment(story.titleCounts, terms.title);
    increment(story.textCounts, terms.text);
    for (const term of terms.text) {
      let posting = this.postings.get(term);
      if (posting === undefined) {
        posting = new Set();
        this.postings.set(term, posting);
      }
      posting.add(story);
    }
    if (article.publishedAt !== null) {
      insertSorted(story.times, article.publishedAt);
      story.first = Math.min(story.first, article.publishedAt);
      story.last = Math.max(story.last, article.publishedAt);
      this.newestTime = Math.max(this.newestTime, article.publishedAt);
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
      for (const term of story.textCounts.keys()) {
        const posting = this.postings.get(term);
        posting?.delete(story);
        if (posting?.size === 0) this.postings.delete(term);
      }
      this.stories.delete(story.id);
      evicted += 1;
    }
    return evicted;
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
    const scores = new Map<IndexedStory, number>();
    const probes = terms.text.map((term) => ({ term, idf: this.stats.idf(term) }));
    const floor = Math.log(1 + (this.stats.documents - maxDf + 0.5) / (maxDf + 0.5));
    // Common terms are probed only when the item has nothing rarer.
    const rare = probes.filter((probe) => probe.idf >= floor);
    for (const { term, idf } of rare.length > 0 ? rare : probes) {
      const posting = this.postings.get(term);
      if (posting === undefined) continue;
      for (const story of posting) {
        if (window !== null && (story.last < window.from || story.first > window.to)) continue;
        let count = story.textCounts.get(term) ?? 0;
        let size = story.size;
        if (exclusion !== null && exclusion.storyId === story.id) {
          if (exclusion.article === undefined) continue;
          size -= 1;
          if (exclusion.article.terms.text.includes(term)) count -= 1;
          if (count <= 0) continue;
        }
        scores.set(story, (scores.get(story) ?? 0) + (idf * count) / size);
      }
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1] || b[0].last - a[0].last)
      .slice(0, limit)
      .map(([story]) => story);
  }
}
