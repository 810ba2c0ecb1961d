/** Saves the reader's overrides as a ratings file through the browser's download of a blob URL. */
import { overridesFile } from '../../core/ratings-export.js';
import { outletDirectory } from '../outlet-directory.js';
import type { RatingChoicesView } from '../rating-replies.js';

export function downloadOverrides(overrides: RatingChoicesView['overrides'], format: 'csv' | 'json'): void {
  const rows = overrides.map(({ outletId, lean }) => ({
    outletId,
    domain: outletDirectory.byId(outletId)?.domains[0] ?? '',
    lean,
  }));
  const date = new Date().toISOString().slice(0, 10);
  const type = format === 'json' ? 'application/json' : 'text/csv';
  const url = URL.createObjectURL(new Blob([overridesFile(rows, format, date)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `coverage-lens-overrides-${date}.${format}`;
  link.click();
  // The click has handed the blob to the download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
