/**
 * Entry point of `npm run eval -- NAME [...]` and `npm run bench -- NAME [...]`.
 * Each NAME is a module in bench/eval/ or bench/bench/ whose default export is a Runner; a module
 * may export `includes`, the names it runs itself, which a run of every NAME then leaves out.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatTable, type Runner } from './report.js';

const [kind, name, ...rest] = process.argv.slice(2);
const folder = fileURLToPath(new URL(`./${kind}/`, import.meta.url));

interface Module {
  default: Runner;
  includes?: string[];
}

async function available(): Promise<string[]> {
  const files = await readdir(folder).catch(() => []);
  return files.filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
}

async function main(): Promise<number> {
  if (kind !== 'eval' && kind !== 'bench') {
    console.error('usage: tsx bench/run.ts (eval|bench) NAME [--json] [...]');
    return 2;
  }
  const names = await available();
  const chosen = name && !name.startsWith('-') ? [name] : names;
  const args = name && !name.startsWith('-') ? rest : [name, ...rest].filter((a): a is string => !!a);
  const unknown = chosen.filter((n) => !names.includes(n));
  if (unknown.length > 0 || chosen.length === 0) {
    console.error(`unknown ${kind} "${unknown.join(', ')}"; available: ${names.join(', ') || 'none'}`);
    return 2;
  }
  const json = args.includes('--json');
  const modules = await Promise.all(
    chosen.map(async (n) => [n, (await import(pathToFileURL(`${folder}${n}.ts`).href)) as Module] as const),
  );
  const included = new Set(modules.flatMap(([, mod]) => mod.includes ?? []));
  const reports = [];
  for (const [n, mod] of modules) {
    if (included.has(n)) continue;
    const report = await mod.default(args.filter((a) => a !== '--json'));
    reports.push(report);
    if (!json) for (const table of report.tables) console.log(`\n${formatTable(table)}`);
  }
  if (json) console.log(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  return 0;
}

process.exitCode = await main();
