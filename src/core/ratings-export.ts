/**
 * The reader's overrides as a ratings file (docs/ratings.md), CSV or JSON, rater `local-override`:
 * importing the file again, here or in another browser, restores them. Pure.
 */
import type { Lean } from './bias-scale.js';
import { writeCsvLine } from './csv.js';
import { OVERRIDE_RATER } from './ratings-file.js';

export interface OverrideRow {
  outletId: string;
  /** The outlet's main domain, for people reading the file. */
  domain: string;
  lean: Lean | null;
}

const BASIS = 'Set by the reader in Coverage Lens';

/** `date` is the export day, YYYY-MM-DD. */
export function overridesFile(rows: readonly OverrideRow[], format: 'csv' | 'json', date: string): string {
  const records = rows.map((row) => ({
    outlet: row.outletId,
    domain: row.domain,
    rater: OVERRIDE_RATER,
    lean: row.lean ?? 'unrated',
    date,
    basis: BASIS,
  }));
  if (format === 'json') return `${JSON.stringify({ ratings: records }, null, 2)}\n`;
  const header = ['outlet', 'domain', 'rater', 'lean', 'date', 'basis'] as const;
  const lines = [
    header.join(','),
    ...records.map((record) => writeCsvLine(header.map((column) => record[column]))),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
