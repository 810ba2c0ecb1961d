/** What every evaluation and benchmark returns: tables for people, the same data as JSON for scripts. */
export interface Table {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
  /** One line under the table: the data it ran on, targets, caveats. */
  note?: string;
}

export interface Report {
  name: string;
  tables: Table[];
  /** Machine-readable figures, printed as-is with --json. */
  data: Record<string, unknown>;
}

export type Runner = (args: string[]) => Promise<Report>;

function formatCell(value: string | number | null): string {
  if (value === null) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(3);
  return value;
}

export function formatTable(table: Table): string {
  const cells = [table.columns, ...table.rows.map((row) => row.map(formatCell))];
  const widths = table.columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [table.title, line(cells[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of cells.slice(1)) out.push(line(row));
  if (table.note) out.push(table.note);
  return out.join('\n');
}
