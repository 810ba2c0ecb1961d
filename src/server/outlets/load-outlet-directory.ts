import { readFile } from 'node:fs/promises';
import { OutletDirectory } from '../../core/outlet.js';

/**
 * Reads and validates an outlet directory file. Throws with the file and the reason when an entry is
 * malformed, or when an id or a domain appears twice (a domain must resolve to one outlet).
 */
export async function loadOutletDirectory(path: string): Promise<OutletDirectory> {
  const parsed = OutletDirectory.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const ids = new Set<string>();
  const domains = new Set<string>();
  for (const outlet of parsed.data.outlets) {
    if (ids.has(outlet.id)) throw new Error(`${path}: outlet id ${outlet.id} appears twice`);
    ids.add(outlet.id);
    for (const domain of outlet.domains) {
      if (domains.has(domain)) throw new Error(`${path}: domain ${domain} belongs to two outlets`);
      domains.add(domain);
    }
  }
  return parsed.data;
}
