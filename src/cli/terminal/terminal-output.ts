/** Where the CLI writes: a stream and whether a person watches it (a terminal) or a program reads it. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

/** On a pipe or in a log, a progress line at most this often (plus the first and the last). */
const PLAIN_STATUS_INTERVAL_MS = 2_000;

/**
 * Lines for people and for scripts. On a terminal a status (progress) redraws one line in place;
 * elsewhere it becomes a plain line at most every 2 s, so a log stays readable and a script can
 * read every line as it comes. Messages go to stdout, problems to stderr.
 */
export class TerminalOutput {
  private statusShown = false;
  private lastPlainStatusAt = -Infinity;

  constructor(
    private readonly out: OutputStream,
    private readonly errors: OutputStream,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get isTerminal(): boolean {
    return this.out.isTTY === true;
  }

  say(text: string): void {
    this.clearStatus();
    this.out.write(`${text}\n`);
  }

  warn(text: string): void {
    this.clearStatus();
    this.errors.write(`${text}\n`);
  }

  /** final: the last status of its kind (always shown as a line of its own). */
  status(text: string, final = false): void {
    if (this.isTerminal) {
      const width = Math.max(20, (this.out.columns ?? 80) - 1);
      this.out.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
      this.statusShown = true;
      if (final) this.clearStatus(true);
      return;
    }
    const at = this.now();
    if (!final && at - this.lastPlainStatusAt < PLAIN_STATUS_INTERVAL_MS) return;
    this.lastPlainStatusAt = final ? -Infinity : at;
    this.out.write(`${text}\n`);
  }

  /** keep: leave the status on screen and go to the next line. */
  private clearStatus(keep = false): void {
    if (!this.statusShown) return;
    this.out.write(keep ? '\n' : '\r\x1b[2K');
    this.statusShown = false;
  }
}
