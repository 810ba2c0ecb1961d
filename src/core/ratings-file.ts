/**
 * The ratings file (docs/ratings.md): outlet ratings by an outside rater, as CSV or JSON, read by the
 * extension's options page and the server's `import-ratings` command. Pure: the caller reads the file
 * and hands in the directory to resolve outlets with. Each row is accepted or rejected on its own,
 * with the reason and where it is, so one bad row never spoils the rest.
 */
import * as z from 'zod/mini';
import { LEANS, type Lean } from './bias-scale.js';
import { readCsv } from './csv.js';
import { CONSENSUS_RATER, FACTUAL_LEVELS } from './outlet.js';

/** The rater name of the user's own overrides: rows by it may also say `unrated`. */
export const OVERRIDE_RATER = 'local-override';
export const MAX_RATING_ROWS = 20_000;
/** Larger files are refused before parsing (an outlet directory is tens of kilobytes). */
export const MAX_RATINGS_FILE_BYTES = 4_000_000;
const MAX_TEXT = 500;

export const RaterName = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/));
const RatingDate = z.string().check(
  z.regex(/^\d{4}-\d{2}(-\d{2})?$/),
  z.refine((value) => !Number.isNaN(Date.parse(value.length === 7 ? `${value}-01` : value))),
);

/** One accepted row: a rater's rating of an outlet of the directory. */
export const ImportedRating = z.object({
  outletId: z.string().check(z.minLength(1), z.maxLength(100)),
  rater: RaterName,
  /** Null only for an override saying "unrated". */
  lean: z.nullable(z.enum(LEANS)),
  label: z.optional(z.string().check(z.maxLength(MAX_TEXT))),
  factual: z.optional(z.enum(FACTUAL_LEVELS)),
  date: RatingDate,
  basis: z.optional(z.string().check(z.maxLength(MAX_TEXT))),
  source: z.optional(z.string().check(z.maxLength(MAX_TEXT))),
});
export type ImportedRating = z.infer<typeof ImportedRating>;

export interface RejectedRow {
  /** 1-based number of the data row (CSV, not counting the header) or of the item (JSON). */
  row: number;
  /** 1-based line of the file for CSV; null for JSON. */
  line: number | null;
  reason: string;
}

export interface RatingsFileReport {
  format: 'csv' | 'json';
  accepted: ImportedRating[];
  rejected: RejectedRow[];
  /** Set when the file as a whole cannot be read; nothing is accepted then. */
  error?: string;
}

/** What the parser needs of the directory: find an outlet by id, or by a domain or URL. */
export interface OutletLookup {
  resolve(hostOrUrl: string): { id: string } | null;
  byId(id: string): { id: string } | null;
}

export const RATING_COLUMNS = [
  'outlet',
  'domain',
  'rater',
  'lean',
  'factual',
  'date',
  'basis',
  'source',
] as const;
type Column = (typeof RATING_COLUMNS)[number];
type RawRow = Partial<Record<Column, string>>;

/** Lean spellings accepted besides the scale's own: the three sides, and raters' common words. */
const LEAN_WORDS: Record<string, Lean> = {
  'left-center': 'lean-left',
  'center-left': 'lean-left',
  'leans-left': 'lean-left',
  'right-center': 'lean-right',
  'center-right': 'lean-right',
  'leans-right': 'lean-right',
  centre: 'center',
  'least-biased': 'center',
  'extreme-left': 'far-left',
  'extreme-right': 'far-right',
};

function slug(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A lean word on the seven-step scale, `null` for "unrated", `undefined` when not understood. */
export function leanOfWord(word: string): Lean | null | undefined {
  const key = slug(word);
  if (key === 'unrated' || key === 'none') return null;
  if ((LEANS as readonly string[]).includes(key)) return key as Lean;
  return LEAN_WORDS[key];
}

function factualOfWord(word: string): (typeof FACTUAL_LEVELS)[number] | undefined {
  const key = slug(word);
  return (FACTUAL_LEVELS as readonly string[]).includes(key)
    ? (key as (typeof FACTUAL_LEVELS)[number])
    : undefined;
}

type RowResult = { ok: true; rating: ImportedRating } | { ok: false; reason: string };

function readRow(raw: RawRow, outlets: OutletLookup): RowResult {
  const text = (column: Column): string | undefined => {
    const value = raw[column]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const outletText = text('outlet');
  const domainText = text('domain');
  if (outletText === undefined && domainText === undefined)
    return { ok: false, reason: 'needs an outlet id or a domain' };
  const byId = outletText === undefined ? undefined : outlets.byId(outletText.toLowerCase());
  if (byId === null) return { ok: false, reason: `no outlet with id "${outletText}" in the directory` };
  const byDomain = domainText === undefined ? undefined : outlets.resolve(domainText);
  if (byDomain === null)
    return { ok: false, reason: `no outlet in the directory for domain "${domainText}"` };
  if (byId && byDomain && byId.id !== byDomain.id)
    return { ok: false, reason: `outlet "${byId.id}" and domain "${domainText}" (${byDomain.id}) disagree` };
  const outletId = (byId ?? byDomain)?.id ?? '';

  const rater = text('rater')?.toLowerCase();
  if (rater === undefined) return { ok: false, reason: 'needs a rater' };
  if (!RaterName.safeParse(rater).success)
    return { ok: false, reason: `rater "${rater}": use lower-case letters, digits and dashes (at most 40)` };
  if (rater === CONSENSUS_RATER)
    return {
      ok: false,
      reason: `rater "${CONSENSUS_RATER}" is the project's own consensus and cannot be imported`,
    };

  const leanText = text('lean');
  if (leanText === undefined) return { ok: false, reason: 'needs a lean' };
  const lean = leanOfWord(leanText);
  if (lean === undefined)
    return { ok: false, reason: `lean "${leanText}" is not on the scale (see docs/ratings.md)` };
  if (lean === null && rater !== OVERRIDE_RATER)
    return {
      ok: false,
      reason: `lean "unrated" is only for ${OVERRIDE_RATER} rows: leave the outlet out instead`,
    };

  const factualText = text('factual');
  const factual = factualText === undefined ? undefined : factualOfWord(factualText);
  if (factualText !== undefined && factual === undefined)
    return { ok: false, reason: `factual "${factualText}" is not one of ${FACTUAL_LEVELS.join(', ')}` };

  const date = text('date');
  if (date === undefined) return { ok: false, reason: 'needs a date (YYYY-MM or YYYY-MM-DD)' };
  if (!RatingDate.safeParse(date).success)
    return { ok: false, reason: `date "${date}" is not YYYY-MM or YYYY-MM-DD` };

  const candidate = {
    outletId,
    rater,
    lean,
    ...(lean !== null && slug(leanText) !== lean ? { label: leanText } : {}),
    ...(factual ? { factual } : {}),
    date,
    ...(text('basis') ? { basis: text('basis') } : {}),
    ...(text('source') ? { source: text('source') } : {}),
  };
  const parsed = ImportedRating.safeParse(candidate);
  if (!parsed.success) return { ok: false, reason: `a field is too long (at most ${MAX_TEXT} characters)` };
  return { ok: true, rating: parsed.data };
}

interface SourceRow {
  raw: RawRow;
  line: number | null;
  /** Set when the row cannot be read at all (e.g. a misplaced comma, an item that is no object). */
  problem?: string;
}

/** Accepts rows in order; a later row rating the same outlet by the same rater is a duplicate. */
function collect(format: 'csv' | 'json', rows: SourceRow[], outlets: OutletLookup): RatingsFileReport {
  const report: RatingsFileReport = { format, accepted: [], rejected: [] };
  if (rows.length > MAX_RATING_ROWS)
    return { ...report, error: `too many rows: ${rows.length} (at most ${MAX_RATING_ROWS})` };
  const firstRow = new Map<string, number>();
  rows.forEach(({ raw, line, problem }, index) => {
    const row = index + 1;
    const result: RowResult = problem === undefined ? readRow(raw, outlets) : { ok: false, reason: problem };
    if (!result.ok) return report.rejected.push({ row, line, reason: result.reason });
    const { rater, outletId } = result.rating;
    const key = `${rater}\u0000${outletId}`;
    const first = firstRow.get(key);
    if (first !== undefined)
      return report.rejected.push({
        row,
        line,
        reason: `duplicate: row ${first} already rates ${outletId} by ${rater}`,
      });
    firstRow.set(key, row);
    report.accepted.push(result.rating);
  });
  return report;
}

function failed(format: 'csv' | 'json', error: string): RatingsFileReport {
  return { format, accepted: [], rejected: [], error };
}

function parseCsvRatings(text: string, outlets: OutletLookup): RatingsFileReport {
  const read = readCsv(text);
  if (!read.ok) return failed('csv', `line ${read.line}: ${read.reason}`);
  const [header, ...records] = read.records;
  if (header === undefined) return failed('csv', 'the file is empty');
  const columns = header.fields.map((name) => slug(name));
  const unknown = columns.filter((name) => !(RATING_COLUMNS as readonly string[]).includes(name));
  const missing = ['rater', 'lean', 'date'].filter((name) => !columns.includes(name));
  if (!columns.includes('outlet') && !columns.includes('domain')) missing.unshift('outlet or domain');
  const problems = [
    ...(missing.length > 0 ? [`missing columns: ${missing.join(', ')}`] : []),
    ...(unknown.length > 0 ? [`unknown columns: ${unknown.join(', ')}`] : []),
  ];
  if (problems.length > 0) return failed('csv', `header (line ${header.line}): ${problems.join('; ')}`);
  const rows = records.map(({ fields, line }): SourceRow => {
    const raw: RawRow = {};
    columns.forEach((column, i) => (raw[column as Column] = fields[i]));
    // More fields than the header names is a misplaced comma: the row cannot be trusted.
    return fields.length > columns.length
      ? { raw, line, problem: `${fields.length} fields where the header names ${columns.length}` }
      : { raw, line };
  });
  return collect('csv', rows, outlets);
}

function jsonRow(item: unknown): SourceRow {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    return { raw: {}, line: null, problem: 'not an object' };
  const raw: RawRow = {};
  for (const [key, value] of Object.entries(item)) {
    const column = slug(key) === 'outletid' ? 'outlet' : slug(key);
    if (!(RATING_COLUMNS as readonly string[]).includes(column))
      return { raw, line: null, problem: `unknown field "${key}"` };
    if (value === null || value === undefined) continue;
    if (typeof value !== 'string') return { raw, line: null, problem: `field "${key}" is not a string` };
    raw[column as Column] = value;
  }
  return { raw, line: null };
}

function parseJsonRatings(text: string, outlets: OutletLookup): RatingsFileReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return failed('json', `not valid JSON: ${(error as Error).message}`);
  }
  const items = Array.isArray(data)
    ? data
    : typeof data === 'object' && data !== null && Array.isArray((data as { ratings?: unknown }).ratings)
      ? (data as { ratings: unknown[] }).ratings
      : undefined;
  if (items === undefined) return failed('json', 'expected an array of ratings, or {"ratings": [...]}');
  return collect('json', items.map(jsonRow), outlets);
}

/**
 * Reads a ratings file, JSON when its first non-blank character is `[` or `{`, else CSV.
 * WARNING: the file comes from the user or a third party; every field is checked, every row is
 * matched to an outlet of the directory, and nothing of it is trusted beyond what is returned.
 */
export function parseRatingsFile(text: string, outlets: OutletLookup): RatingsFileReport {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const format = /^\s*[[{]/.test(body) ? 'json' : 'csv';
  if (body.length > MAX_RATINGS_FILE_BYTES)
    return failed(format, `the file is too large (at most ${MAX_RATINGS_FILE_BYTES / 1_000_000} MB)`);
  return format === 'json' ? parseJsonRatings(body, outlets) : parseCsvRatings(body, outlets);
}
