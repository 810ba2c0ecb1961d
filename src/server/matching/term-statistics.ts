/**
 * Document frequencies for term weights: a background table learned from a large news corpus
 * (data/models/term-stats.json, rebuilt by `npm run train`) plus the articles this process has
 * indexed, so weights are sound from the first article on and follow new names as they appear.
 */
import { readFileSync } from 'node:fs';

export interface BackgroundStatistics {
  documents: number;
  df: ReadonlyMap<string, number>;
}

export class TermStatistics {
  private readonly live = new Map<string, number>();
  private liveDocuments = 0;

  constructor(private readonly background: BackgroundStatistics = { documents: 0, df: new Map() }) {}

  add(terms: readonly string[]): void {
    this.liveDocuments += 1;
    for (const term of terms) this.live.set(term, (this.live.get(term) ?? 0) + 1);
  }

  /** Undoes `add` when an article leaves the index. */
  remove(terms: readonly string[]): void {
    this.liveDocuments -= 1;
    for (const term of terms) {
      const left = (this.live.get(term) ?? 0) - 1;
      if (left > 0) this.live.set(term, left);
      else this.live.delete(term);
    }
  }

  get documents(): number {
    return this.background.documents + this.liveDocuments;
  }

  /** BM25's IDF, always positive: a term in half the documents weighs about 0.7, a unique one ~ln N. */
  idf(term: string): number {
    const df = (this.background.df.get(term) ?? 0) + (this.live.get(term) ?? 0);
    return Math.log(1 + (this.documents - df + 0.5) / (df + 0.5));
  }
}

/** Reads data/models/term-stats.json: `{"documents": N, "df": {"term": count, ...}}`. */
export function loadBackgroundStatistics(file: string): BackgroundStatistics {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { documents?: unknown; df?: unknown };
  if (typeof json.documents !== 'number' || typeof json.df !== 'object' || json.df === null)
    throw new Error(`${file}: not a term statistics file; run npm run train`);
  return { documents: json.documents, df: new Map(Object.entries(json.df as Record<string, number>)) };
}
