/**
 * Progress of a long ingest on stderr: a live bar redrawn in place on a terminal, a plain line every
 * few seconds otherwise (logs, CI), so output stays readable in both.
 */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  label: string;
  /** What is counted: `lines`, `feeds`. */
  unit: string;
  stream?: ProgressStream;
  now?: () => number;
}

const BAR_WIDTH = 24;
const TTY_INTERVAL_MS = 100;
const LINE_INTERVAL_MS = 5_000;

const count = (n: number): string => n.toLocaleString('en-US');

/** `[#########...............]  37%`: pure, for a fraction in 0..1. */
export function progressBar(fraction: number): string {
  const clamped = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(clamped * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(clamped * 100)).padStart(3)}%`;
}

export class ProgressDisplay {
  private readonly stream: ProgressStream;
  private readonly now: () => number;
  private readonly started: number;
  private lastDrawn = -Infinity;
  private drawnOnTty = false;

  constructor(private readonly options: ProgressOptions) {
    this.stream = options.stream ?? process.stderr;
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }

  /** `fraction` is null when the total is unknown. */
  update(done: number, fraction: number | null): void {
    const time = this.now();
    const tty = this.stream.isTTY === true;
    if (time - this.lastDrawn < (tty ? TTY_INTERVAL_MS : LINE_INTERVAL_MS)) return;
    this.lastDrawn = time;
    const seconds = Math.max(0.001, (time - this.started) / 1000);
    const rate = `${count(Math.round(done / seconds))} ${this.options.unit}/s`;
    const parts = [this.options.label];
    if (fraction !== null)
      parts.push(tty ? progressBar(fraction) : `${Math.floor(Math.min(1, fraction) * 100)}%`);
    parts.push(`${count(done)} ${this.options.unit}`, rate);
    if (tty) {
      this.stream.write(`\r\x1b[K${parts.join('  ')}`);
      this.drawnOnTty = true;
    } else {
      this.stream.write(`${parts.join('  ')}\n`);
    }
  }

  /** Clears the bar and prints the closing line. */
  finish(summary: string): void {
    if (this.drawnOnTty) this.stream.write('\r\x1b[K');
    this.stream.write(`${this.options.label}: ${summary}\n`);
  }
}
