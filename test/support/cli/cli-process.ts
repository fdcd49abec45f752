import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));
/** A line that is a whole code: the base41 alphabet, and longer than any sentence's word. */
export const CODE_LINE = /^[0-9A-Z$+\-./]{40,}$/;

/**
 * The environment the CLI runs in: this one, but in English whatever the machine's locale (the
 * tests read its sentences), unless a test sets the locale itself.
 */
function childEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { LC_ALL: _all, LC_MESSAGES: _messages, ...inherited } = process.env;
  return { ...inherited, LANG: 'C.UTF-8', ...overrides };
}

/**
 * The CLI as a user runs it: its own process, its standard input and output pipes. Lines are
 * collected as they come, so a test can wait for one and answer it.
 */
export class CliProcess {
  readonly lines: string[] = [];
  readonly errors: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiters: (() => void)[] = [];

  constructor(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
    this.child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: options.cwd, env: childEnv(options.env) });
    this.collect(this.child.stdout, this.lines);
    this.collect(this.child.stderr, this.errors);
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** The first output line (stdout or stderr) that matches, waiting for it if needed. */
  line(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    return this.until(() => [...this.lines, ...this.errors].find((line) => pattern.test(line)), `a line matching ${pattern}`, timeoutMs);
  }

  /** The n-th code this side printed (its offer or answer). */
  code(nth = 0, timeoutMs = 20_000): Promise<string> {
    return this.until(() => this.lines.filter((line) => CODE_LINE.test(line))[nth], `code #${nth}`, timeoutMs);
  }

  private async until<T>(probe: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = probe();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`no ${what} in:\n${this.transcript()}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  write(text: string): void {
    this.child.stdin.write(`${text}\n`);
  }

  endInput(): void {
    this.child.stdin.end();
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    this.child.kill(signal);
  }

  transcript(): string {
    return [...this.lines.map((line) => `out| ${line}`), ...this.errors.map((line) => `err| ${line}`)].join('\n');
  }

  private collect(stream: NodeJS.ReadableStream, into: string[]): void {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      into.push(...parts);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }
}
