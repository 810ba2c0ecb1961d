import { describe, expect, it } from 'vitest';
import { ingestSummaryText } from '../../../src/server/cli/ingest-summary-text.js';
import { progressBar, ProgressDisplay } from '../../../src/server/cli/progress-display.js';

function sink(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
}

describe('progress display', () => {
  it('draws a bar', () => {
    expect(progressBar(0)).toBe(`[${'.'.repeat(24)}]   0%`);
    expect(progressBar(0.5)).toBe(`[${'#'.repeat(12)}${'.'.repeat(12)}]  50%`);
    expect(progressBar(7)).toBe(`[${'#'.repeat(24)}] 100%`);
  });

  it('redraws one line in place on a terminal, at most ten times a second', () => {
    let time = 0;
    const { writes, stream } = sink(true);
    const progress = new ProgressDisplay({ label: 'a.jsonl', unit: 'lines', stream, now: () => time });
    time = 1000;
    progress.update(500, 0.25);
    time = 1050;
    progress.update(550, 0.27); // too soon: skipped
    time = 2000;
    progress.update(1000, 0.5);
    progress.finish('read 1,000');
    expect(writes).toEqual([
      `\r\x1b[Ka.jsonl  ${progressBar(0.25)}  500 lines  500 lines/s`,
      `\r\x1b[Ka.jsonl  ${progressBar(0.5)}  1,000 lines  500 lines/s`,
      '\r\x1b[K',
      'a.jsonl: read 1,000\n',
    ]);
  });

  it('prints a plain line every few seconds elsewhere', () => {
    let time = 0;
    const { writes, stream } = sink(false);
    const progress = new ProgressDisplay({ label: 'feeds', unit: 'feeds', stream, now: () => time });
    for (let done = 1; done <= 100; done += 1) {
      time = done * 200; // one feed each 0.2 s: 20 s in all
      progress.update(done, done / 100);
    }
    progress.update(5, null);
    progress.finish('100 feeds');
    expect(writes).toEqual(
      [
        'feeds  1%  1 feeds  5 feeds/s',
        'feeds  26%  26 feeds  5 feeds/s',
        'feeds  51%  51 feeds  5 feeds/s',
        'feeds  76%  76 feeds  5 feeds/s',
        'feeds: 100 feeds',
      ].map((line) => `${line}\n`),
    );
  });

  it('sums an ingest up: read, added, duplicates, rejected with reasons, stories, elapsed', () => {
    const text = ingestSummaryText({
      read: 12_345,
      added: 12_000,
      duplicates: 300,
      rejected: { 'empty-title': 5, 'invalid-json': 40 },
      storiesCreated: 4_000,
      storiesMerged: 12,
      elapsedMs: 2_345,
    });
    expect(text).toBe(
      'read 12,345, added 12,000, duplicates 300, rejected 45 (invalid-json 40, empty-title 5), stories created 4,000, merged 12, elapsed 2.3 s',
    );
  });
});
