import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv, writeCsvLine } from '../../src/core/csv.js';
import { OutletDirectory } from '../../src/core/outlet.js';
import { createOutletResolver } from '../../src/core/outlet-resolver.js';
import { overridesFile } from '../../src/core/ratings-export.js';
import { MAX_RATING_ROWS, parseRatingsFile } from '../../src/core/ratings-file.js';

const directory = OutletDirectory.parse(
  JSON.parse(readFileSync(new URL('../../data/outlets.json', import.meta.url), 'utf8')),
);
const outlets = createOutletResolver(directory);
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/ratings/${name}`, import.meta.url), 'utf8');
const HEADER = 'domain,outlet,rater,lean,factual,date,basis';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('parseRatingsFile, CSV', () => {
  it('accepts good rows by domain, URL or outlet id, folding rater words onto the scale', () => {
    const report = parseRatingsFile(fixture('e2e-ratings.csv'), outlets);
    expect(report.format).toBe('csv');
    expect(report.error).toBeUndefined();
    expect(report.accepted).toEqual([
      {
        outletId: 'the-guardian',
        rater: 'example-rater',
        lean: 'right',
        factual: 'high',
        date: '2026-01',
        basis: 'Test rating, not a real one',
      },
      { outletId: 'new-york-times', rater: 'example-rater', lean: 'right', date: '2026-01-15' },
      { outletId: 'cnn', rater: 'example-rater', lean: 'far-right', date: '2026-01' },
      {
        outletId: 'washington-post',
        rater: 'example-rater',
        lean: 'lean-right',
        label: 'Right-Center',
        factual: 'mostly-factual',
        date: '2026-01',
      },
    ]);
  });

  it('rejects each bad row with its line and reason, keeping the good ones', () => {
    const report = parseRatingsFile(fixture('e2e-ratings.csv'), outlets);
    expect(report.rejected).toEqual([
      { row: 5, line: 6, reason: expect.stringContaining('no outlet in the directory for domain') },
      { row: 6, line: 7, reason: expect.stringContaining('lean "sideways" is not on the scale') },
    ]);
  });

  it.each([
    ['no outlet', ',,r,left,,2026-01,', 'needs an outlet id or a domain'],
    ['unknown id', ',no-such-outlet,r,left,,2026-01,', 'no outlet with id'],
    ['disagreeing id and domain', 'bbc.co.uk,cnn,r,left,,2026-01,', 'disagree'],
    ['no rater', 'cnn.com,,,left,,2026-01,', 'needs a rater'],
    ['bad rater name', 'cnn.com,,Some Rater!,left,,2026-01,', 'lower-case letters'],
    ['the consensus rater', 'cnn.com,,coverage-lens,left,,2026-01,', 'cannot be imported'],
    ['no lean', 'cnn.com,,r,,,2026-01,', 'needs a lean'],
    ['unrated by a rater', 'cnn.com,,r,unrated,,2026-01,', 'only for local-override'],
    ['bad factual level', 'cnn.com,,r,left,pretty good,2026-01,', 'factual "pretty good"'],
    ['no date', 'cnn.com,,r,left,,,', 'needs a date'],
    ['bad date', 'cnn.com,,r,left,,01/02/2026,', 'is not YYYY-MM'],
    ['impossible date', 'cnn.com,,r,left,,2026-13,', 'is not YYYY-MM'],
    ['too many fields', 'cnn.com,,r,left,,2026-01,basis,extra', '8 fields where the header names 7'],
    ['a too long basis', `cnn.com,,r,left,,2026-01,${'x'.repeat(501)}`, 'too long'],
  ])('rejects a row with %s', (_what, row, reason) => {
    const report = parseRatingsFile(csv('bbc.co.uk,,r,center,,2026-01,', row), outlets);
    expect(report.accepted).toHaveLength(1);
    expect(report.rejected).toEqual([{ row: 2, line: 3, reason: expect.stringContaining(reason) }]);
  });

  it('rejects a second rating of the same outlet by the same rater, naming the first', () => {
    const report = parseRatingsFile(csv('cnn.com,,r,left,,2026-01,', ',cnn,r,right,,2026-02,'), outlets);
    expect(report.accepted.map((r) => r.lean)).toEqual(['left']);
    expect(report.rejected[0]?.reason).toContain('duplicate: row 1');
  });

  it('counts lines of quoted fields spanning lines, CRLF and a byte-order mark', () => {
    const text = `\uFEFF${HEADER}\r\ncnn.com,,r,left,,2026-01,"two\r\nlines"\r\nbad.example,,r,left,,2026-01,\r\n`;
    const report = parseRatingsFile(text, outlets);
    expect(report.accepted[0]?.basis).toBe('two\r\nlines');
    expect(report.rejected).toEqual([{ row: 2, line: 4, reason: expect.any(String) }]);
  });

  it('refuses the whole file for a bad header, an open quote or too many rows', () => {
    expect(parseRatingsFile('domain,rater,colour\ncnn.com,r,red', outlets).error).toMatch(
      /missing columns: lean, date; unknown columns: colour/,
    );
    expect(parseRatingsFile('outlet,rater,lean\ncnn,r,left', outlets).error).toContain(
      'missing columns: date',
    );
    expect(parseRatingsFile(csv('cnn.com,,r,"left,,2026-01,'), outlets).error).toBe(
      'line 2: a quoted field is never closed',
    );
    expect(parseRatingsFile('', outlets).error).toBe('the file is empty');
    const many = csv(...Array.from({ length: MAX_RATING_ROWS + 1 }, () => 'cnn.com,,r,left,,2026-01,'));
    const tooMany = parseRatingsFile(many, outlets);
    expect(tooMany.error).toContain('too many rows');
    expect(tooMany.accepted).toEqual([]);
  });
});

describe('parseRatingsFile, JSON', () => {
  it('accepts {"ratings": [...]} with outlet, outletId or domain, and overrides saying unrated', () => {
    const report = parseRatingsFile(fixture('good.json'), outlets);
    expect(report.format).toBe('json');
    expect(report.rejected).toEqual([]);
    expect(report.accepted).toEqual([
      {
        outletId: 'bbc-news',
        rater: 'other-rater',
        lean: 'lean-left',
        label: 'Left-Center',
        factual: 'high',
        date: '2025-06',
        basis: 'Test',
      },
      {
        outletId: 'national-review',
        rater: 'other-rater',
        lean: 'right',
        date: '2025-06-30',
        source: 'https://example.org/ratings',
      },
      { outletId: 'the-moscow-times', rater: 'local-override', lean: null, date: '2026-11-28' },
    ]);
  });

  it('rejects items that are not objects, carry unknown fields or non-string values, by item number', () => {
    const text = JSON.stringify([
      { domain: 'cnn.com', rater: 'r', lean: 'left', date: '2026-01' },
      'cnn.com',
      { domain: 'cnn.com', rater: 'r', lean: 'left', date: '2026-01', colour: 'red' },
      { domain: 'bbc.co.uk', rater: 'r', lean: 3, date: '2026-01' },
    ]);
    const report = parseRatingsFile(text, outlets);
    expect(report.accepted).toHaveLength(1);
    expect(report.rejected).toEqual([
      { row: 2, line: null, reason: 'not an object' },
      { row: 3, line: null, reason: 'unknown field "colour"' },
      { row: 4, line: null, reason: 'field "lean" is not a string' },
    ]);
  });

  it('refuses invalid JSON and JSON of another shape', () => {
    expect(parseRatingsFile('[{"domain": ', outlets).error).toContain('not valid JSON');
    expect(parseRatingsFile('{"outlets": []}', outlets).error).toContain('expected an array');
  });
});

describe('overridesFile', () => {
  const rows = [
    { outletId: 'cnn', domain: 'cnn.com', lean: 'center' as const },
    { outletId: 'the-moscow-times', domain: 'themoscowtimes.com', lean: null },
  ];

  it.each(['csv', 'json'] as const)('round-trips through the parser as %s', (format) => {
    const report = parseRatingsFile(overridesFile(rows, format, '2026-11-28'), outlets);
    expect(report.rejected).toEqual([]);
    expect(report.accepted.map(({ outletId, rater, lean }) => ({ outletId, rater, lean }))).toEqual([
      { outletId: 'cnn', rater: 'local-override', lean: 'center' },
      { outletId: 'the-moscow-times', rater: 'local-override', lean: null },
    ]);
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(writeCsvLine(['a', 'b,c', 'say "hi"', '=1+1'])).toBe(`a,"b,c","say ""hi""","'=1+1"`);
    const read = readCsv(`${writeCsvLine(['b,c', 'say "hi"'])}\n`);
    expect(read).toEqual({ ok: true, records: [{ line: 1, fields: ['b,c', 'say "hi"'] }] });
  });
});
