/**
 * Validates an outlet directory as a whole: the zod schema of each entry, plus what a schema cannot
 * say (an id or a domain appearing twice: a domain must resolve to one outlet). Used by the server
 * when it loads the directory and by the extension build, which refuses to ship a broken one.
 */
import { OutletDirectory } from './outlet.js';

export type DirectoryCheck = { ok: true; directory: OutletDirectory } | { ok: false; problems: string[] };

/** At most this many problems are listed; a broken file usually repeats one mistake. */
const MAX_PROBLEMS = 20;

export function checkOutletDirectory(data: unknown): DirectoryCheck {
  const parsed = OutletDirectory.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, MAX_PROBLEMS)
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    return { ok: false, problems };
  }
  const problems: string[] = [];
  const ids = new Set<string>();
  const owners = new Map<string, string>();
  for (const outlet of parsed.data.outlets) {
    if (ids.has(outlet.id)) problems.push(`outlet id ${outlet.id} appears twice`);
    ids.add(outlet.id);
    for (const domain of outlet.domains) {
      const owner = owners.get(domain);
      if (owner !== undefined)
        problems.push(`domain ${domain} belongs to two outlets (${owner}, ${outlet.id})`);
      owners.set(domain, outlet.id);
    }
  }
  return problems.length === 0
    ? { ok: true, directory: parsed.data }
    : { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
}
