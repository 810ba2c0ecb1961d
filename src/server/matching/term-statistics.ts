/**
 * Document frequencies for term weights: a background table learned from a large news corpus
 * (data/models/term-stats.json, rebuilt by `npm run train`) plus the articles this process has
 * indexed, so weights are sound from the first article on and follow new names as they appear.
 *
 * It is also the index's term dictionary: every term of an indexed article gets a small integer id
 * once, and the index keeps ids, not strings, so that matching compares and hashes integers.
 */
import { readFileSync } from 'node:fs';

export interface BackgroundStatistics {
  documents: number;
  df: ReadonlyMap<string, number>;
}

/** The id of a term no indexed article holds: no story counts it. */
export const UNKNOWN_TERM = -1;

export class TermStatistics {
  private readonly ids = new Map<string, number>();
  /** Per term id: its background and live document frequencies, and its IDF when last computed. */
  private readonly backgroundDf: number[] = [];
  private readonly liveDf: number[] = [];
  private readonly idfs: number[] = [];
  /** The live document count each cached IDF was computed at: IDFs move with every document added. */
  private readonly idfAt: number[] = [];
  private liveDocuments = 0;

  constructor(private readonly background: BackgroundStatistics = { documents: 0, df: new Map() }) {}

  /** The term's id, given it when new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.backgroundDf.length;
      this.ids.set(term, id);
      this.backgroundDf.push(this.background.df.get(term) ?? 0);
      this.liveDf.push(0);
      this.idfs.push(0);
      this.idfAt.push(-1);
    }
    return id;
  }

  /** The term's id, UNKNOWN_TERM when no indexed article holds it: lookups never grow the dictionary. */
  idOf(term: string): number {
    return this.ids.get(term) ?? UNKNOWN_TERM;
  }

  /** Counts one document holding these terms (distinct ids from `intern`). */
  add(ids: readonly number[]): void {
    this.liveDocuments += 1;
    for (const id of ids) this.liveDf[id] = (this.liveDf[id] ?? 0) + 1;
  }

  get documents(): number {
    return this.background.documents + this.liveDocuments;
  }

  /** BM25's IDF, always positive: a term in half the documents weighs about 0.7, a unique one ~ln N. */
  idf(term: string): number {
    const id = this.idOf(term);
    return id === UNKNOWN_TERM ? this.idfOfDf(this.background.df.get(term) ?? 0) : this.idfOf(id);
  }

  /** `idf` of an interned term, computed once per document count. */
  idfOf(id: number): number {
    if (this.idfAt[id] === this.liveDocuments) return this.idfs[id] ?? 0;
    const idf = this.idfOfDf((this.backgroundDf[id] ?? 0) + (this.liveDf[id] ?? 0));
    this.idfs[id] = idf;
    this.idfAt[id] = this.liveDocuments;
    return idf;
  }

  private idfOfDf(df: number): number {
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
