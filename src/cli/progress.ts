/**
 * A progress bar on standard error for work over many files. On a terminal it redraws
 * one line (`consolidate [########------------] 60/150 hwb-061.xlsx`); when standard
 * error is a file or a pipe (CI logs, scripts) it writes one plain line per step, with
 * no control characters. `--quiet` gives the silent version.
 */

/** Where progress goes: standard error, or a stand-in in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Reports progress through a known number of steps. */
export interface Progress {
  /** One more step done; `item` names it (e.g. the file just read). */
  step(item: string): void;
  /** A message between steps (e.g. a skipped file), kept on its own line. */
  note(text: string): void;
  /** All steps done: ends the bar's line. */
  finish(): void;
}

const BAR_WIDTH = 20;

/** A progress that says nothing (`--quiet`). */
export const silentProgress: Progress = { step: () => {}, note: () => {}, finish: () => {} };

/**
 * A progress bar for `total` steps.
 *
 * @param label - what is under way, e.g. "consolidate".
 * @param total - the number of steps.
 * @param stream - standard error (default) or a stand-in.
 * @example const bar = progressBar('consolidate', files.length); bar.step('hwb-001.xlsx'); bar.finish();
 */
export function progressBar(
  label: string,
  total: number,
  stream: ProgressStream = process.stderr,
): Progress {
  return stream.isTTY === true
    ? new TerminalBar(label, total, stream)
    : new PlainLines(label, total, stream);
}

class PlainLines implements Progress {
  private done = 0;
  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: ProgressStream,
  ) {}

  step(item: string): void {
    this.done += 1;
    this.stream.write(`${this.label}: ${this.done}/${this.total} ${item}\n`);
  }

  note(text: string): void {
    this.stream.write(`${text}\n`);
  }

  finish(): void {}
}

class TerminalBar implements Progress {
  private done = 0;
  private drawn = false;
  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: ProgressStream,
  ) {}

  step(item: string): void {
    this.done += 1;
    const filled = this.total === 0 ? BAR_WIDTH : Math.round((this.done / this.total) * BAR_WIDTH);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
    const line = `${this.label} [${bar}] ${this.done}/${this.total} ${item}`;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    this.stream.write(`\r${line.slice(0, width).padEnd(width)}`);
    this.drawn = true;
  }

  note(text: string): void {
    this.endLine();
    this.stream.write(`${text}\n`);
  }

  finish(): void {
    this.endLine();
  }

  private endLine(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}

/**
 * Progress through the steps of one file's work (the mechanisms of a run): a bar on a
 * terminal only, since plain lines for a handful of quick steps would only clutter logs.
 */
export function stepsProgress(
  label: string,
  total: number,
  quiet: boolean,
  stream: ProgressStream = process.stderr,
): Progress {
  return quiet || total < 2 || stream.isTTY !== true
    ? silentProgress
    : progressBar(label, total, stream);
}
