import { createHash } from 'node:crypto';
import type { FileSink } from '../../../src/core/transfer/file-sink.ts';
import { prng } from '../../helpers/prng.ts';

export { prng };

export function randomBytes(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const random = prng(seed);
  const bytes = new Uint8Array(length);
  const words = new Uint32Array(bytes.buffer, 0, Math.floor(length / 4));
  for (let i = 0; i < words.length; i++) words[i] = random() * 2 ** 32;
  for (let i = words.length * 4; i < length; i++) bytes[i] = random() * 256;
  return bytes;
}

export function randomFile(length: number, seed: number, name = `file-${seed}.bin`): File {
  return new File([randomBytes(length, seed)], name, { type: 'application/octet-stream' });
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Keeps what it is given, and remembers whether it was closed or aborted. */
export class RecordingSink implements FileSink {
  readonly chunks: Uint8Array[] = [];
  written = 0;
  closed = false;
  aborted = false;

  constructor(private readonly beforeWrite: (sink: RecordingSink) => Promise<void> | void = () => {}) {}

  async write(chunk: Uint8Array<ArrayBuffer>): Promise<void> {
    await this.beforeWrite(this);
    this.chunks.push(chunk);
    this.written += chunk.byteLength;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  async abort(): Promise<void> {
    this.aborted = true;
  }

  bytes(): Uint8Array {
    return Buffer.concat(this.chunks);
  }
}

/** Hashes and forgets, so a large transfer holds no copy of the file. */
export class HashingSink implements FileSink {
  private readonly hash = createHash('sha256');
  written = 0;
  closed = false;
  aborted = false;

  constructor(private readonly beforeWrite: (sink: HashingSink) => Promise<void> | void = () => {}) {}

  async write(chunk: Uint8Array<ArrayBuffer>): Promise<void> {
    await this.beforeWrite(this);
    this.hash.update(chunk);
    this.written += chunk.byteLength;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  async abort(): Promise<void> {
    this.aborted = true;
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
