/** RFC 4180 CSV: reading records with the line each starts on, and writing fields safely. Pure. */

export interface CsvRecord {
  /** 1-based line of the file the record starts on (a quoted field may span lines). */
  line: number;
  fields: string[];
}

export type CsvRead = { ok: true; records: CsvRecord[] } | { ok: false; line: number; reason: string };

/**
 * Splits CSV text into records: comma separated, fields optionally in double quotes (`""` inside is
 * a quote), CRLF or LF line ends, a leading byte-order mark ignored. Blank lines are skipped.
 */
export function readCsv(text: string): CsvRead {
  const records: CsvRecord[] = [];
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (char === '"' && !fieldStarted) {
      quoted = true;
      quoteLine = line;
      fieldStarted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted) return { ok: false, line: quoteLine, reason: 'a quoted field is never closed' };
  endRecord();
  return { ok: true, records };
}

/** One CSV line (no line end). Fields that could start a spreadsheet formula are quoted and prefixed. */
export function writeCsvLine(fields: readonly string[]): string {
  return fields
    .map((value) => {
      // A leading = + - @ makes spreadsheets evaluate the cell (CSV injection): neutralise it.
      const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
      return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(',');
}
