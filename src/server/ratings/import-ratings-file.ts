/**
 * `coverage-lens import-ratings`: reads a ratings file (docs/ratings.md), checks every row against
 * the outlet directory and stores the accepted ones. Rows by `local-override` are a reader's own
 * overrides exported from the extension; the server does not take them.
 */
import { readFile, stat } from 'node:fs/promises';
import { createOutletResolver } from '../../core/outlet-resolver.js';
import type { OutletDirectory } from '../../core/outlet.js';
import {
  MAX_RATINGS_FILE_BYTES,
  OVERRIDE_RATER,
  parseRatingsFile,
  type RatingsFileReport,
} from '../../core/ratings-file.js';
import { loadOutletDirectory } from '../outlets/load-outlet-directory.js';
import { OUTLETS_FILE } from '../paths.js';
import { openStore } from '../store/open-store.js';
import { openRatingsStore } from './open-ratings-store.js';
import type { RatingsStore } from './ratings-store.js';

export interface RatingsImport {
  report: RatingsFileReport;
  /** Accepted rows by `local-override`, not stored. */
  skippedOverrides: number;
  added: number;
  replaced: number;
}

export async function importRatingsFile(
  file: string,
  directory: Pick<OutletDirectory, 'outlets'>,
  ratings: RatingsStore,
): Promise<RatingsImport> {
  if ((await stat(file)).size > MAX_RATINGS_FILE_BYTES)
    throw new Error(`${file}: too large for a ratings file (at most ${MAX_RATINGS_FILE_BYTES} bytes)`);
  const report = parseRatingsFile(await readFile(file, 'utf8'), createOutletResolver(directory));
  const kept = report.accepted.filter((rating) => rating.rater !== OVERRIDE_RATER);
  const stored = await ratings.importRatings(kept);
  return { report, skippedOverrides: report.accepted.length - kept.length, ...stored };
}

/** The report as the command prints it: one line of counts, then one line per rejected row. */
export function importReportText(file: string, result: RatingsImport): string {
  const { report, skippedOverrides, added, replaced } = result;
  const skipped =
    skippedOverrides > 0
      ? `, ${skippedOverrides} ${OVERRIDE_RATER} rows skipped (overrides belong to the extension)`
      : '';
  return [
    `${file} (${report.format}): ${added + replaced} imported (${added} new, ${replaced} replaced), ${report.rejected.length} rejected${skipped}`,
    ...report.rejected.map(
      (row) => `  ${row.line === null ? `item ${row.row}` : `line ${row.line}`}: ${row.reason}`,
    ),
  ].join('\n');
}

/**
 * Imports `file` into the database at `target` (a SQLite path or a postgres:// URL), migrating it
 * first; the report text, or a throw when the file is unreadable.
 */
export async function importRatingsInto(
  target: string,
  file: string,
  outletsFile = OUTLETS_FILE,
): Promise<string> {
  const directory = await loadOutletDirectory(outletsFile);
  await (await openStore(target, outletsFile)).close();
  const ratings = openRatingsStore(target);
  try {
    const result = await importRatingsFile(file, directory, ratings);
    if (result.report.error !== undefined)
      throw new Error(`${file}: nothing imported: ${result.report.error}`);
    return importReportText(file, result);
  } finally {
    await ratings.close();
  }
}
