import { readFile } from 'node:fs/promises';
import { checkOutletDirectory } from '../../core/outlet-directory-check.js';
import type { OutletDirectory } from '../../core/outlet.js';

/**
 * Reads and validates an outlet directory file. Throws with the file and the reason when an entry is
 * malformed, or when an id or a domain appears twice (a domain must resolve to one outlet).
 */
export async function loadOutletDirectory(path: string): Promise<OutletDirectory> {
  const checked = checkOutletDirectory(JSON.parse(await readFile(path, 'utf8')));
  if (!checked.ok) throw new Error(`${path}: ${checked.problems.join('; ')}`);
  return checked.directory;
}
