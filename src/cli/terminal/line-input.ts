import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/**
 * Standard input as lines, one at a time when asked: first the code pasted from the other
 * device, then (in chat) the messages. A line that arrives before it is asked for waits; the end
 * of input is `undefined`, so a script that pipes nothing gets a clear exit, not a hang.
 */
export class LineInput {
  private readonly lines: string[] = [];
  private readonly waiting: ((line: string | undefined) => void)[] = [];
  private ended = false;
  private readonly reader;

  constructor(input: Readable) {
    this.reader = createInterface({ input, crlfDelay: Infinity, terminal: false });
    this.reader.on('line', (line) => {
      const next = this.waiting.shift();
      if (next) next(line);
      else this.lines.push(line);
    });
    this.reader.on('close', () => {
      this.ended = true;
      for (const next of this.waiting.splice(0)) next(undefined);
    });
  }

  next(): Promise<string | undefined> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  close(): void {
    this.reader.close();
  }
}
