import { describe, expect, test } from 'vitest';
import { BatchingSink, type BatchWriter } from '../../../src/core/transfer/batching-sink.ts';
import { randomBytes } from './fixtures.ts';

/** A writer whose batches finish only when the test says so, and that logs every call. */
class HeldWriter implements BatchWriter {
  readonly batches: Uint8Array[][] = [];
  readonly calls: string[] = [];
  private readonly pending: { resolve: () => void; reject: (error: Error) => void }[] = [];

  writeBatch(chunks: Uint8Array<ArrayBuffer>[]): Promise<void> {
    this.batches.push(chunks);
    this.calls.push(`batch ${chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)}`);
    return new Promise((resolve, reject) => this.pending.push({ resolve, reject }));
  }

  async close(): Promise<void> {
    this.calls.push('close');
  }

  async abort(): Promise<void> {
    this.calls.push('abort');
  }

  get unwritten(): number {
    return this.pending.length;
  }

  finishOldest(): void {
    this.pending.shift()!.resolve();
  }

  failOldest(): void {
    this.pending.shift()!.reject(new Error('disk full'));
  }

  finishAll(): void {
    while (this.pending.length) this.finishOldest();
  }
}

/** Whether a promise settles once pending microtasks and timers have run. */
async function settles(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 0));
  return settled;
}

function joined(batches: Uint8Array[][]): Uint8Array {
  const chunks = batches.flat();
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) bytes.set(chunk, (at += chunk.byteLength) - chunk.byteLength);
  return bytes;
}

describe('BatchingSink', () => {
  test('hands chunks over in order, in batches of at least batchBytes, and the rest on close', async () => {
    const writer = new HeldWriter();
    const sink = new BatchingSink(writer, { batchBytes: 1000, maxBatchesInFlight: 100 });
    const bytes = randomBytes(5000, 3);
    for (let at = 0; at < bytes.length; at += 300) await sink.write(bytes.slice(at, at + 300));
    expect(writer.calls).toEqual(['batch 1200', 'batch 1200', 'batch 1200', 'batch 1200']);
    const closing = sink.close();
    expect(writer.calls.at(-1)).toBe('batch 200');
    expect(await settles(closing)).toBe(false); // not before every batch is written
    writer.finishAll();
    await closing;
    expect(writer.calls.at(-1)).toBe('close');
    expect(joined(writer.batches)).toEqual(bytes);
  });

  test('a write waits while more than maxBatchesInFlight batches are unwritten', async () => {
    const writer = new HeldWriter();
    const sink = new BatchingSink(writer, { batchBytes: 100, maxBatchesInFlight: 2 });
    await sink.write(new Uint8Array(100));
    await sink.write(new Uint8Array(100));
    const third = sink.write(new Uint8Array(100));
    expect(writer.unwritten).toBe(3);
    expect(await settles(third)).toBe(false);
    writer.finishOldest();
    expect(await settles(third)).toBe(true);
    // Below a full batch, a write only queues.
    expect(await settles(sink.write(new Uint8Array(99)))).toBe(true);
    expect(writer.unwritten).toBe(2);
  });

  test('with no batches in flight, the write that fills a batch resolves once the writer has written it', async () => {
    const writer = new HeldWriter();
    const sink = new BatchingSink(writer, { batchBytes: 100, maxBatchesInFlight: 0 });
    const filling = sink.write(new Uint8Array(100));
    expect(await settles(filling)).toBe(false);
    writer.finishOldest();
    expect(await settles(filling)).toBe(true);
  });

  test('a failed batch fails the next write and the close, and the writer is never closed', async () => {
    const writer = new HeldWriter();
    const sink = new BatchingSink(writer, { batchBytes: 100, maxBatchesInFlight: 4 });
    await sink.write(new Uint8Array(100));
    writer.failOldest();
    await new Promise((resolve) => setTimeout(resolve, 0)); // the failure arrives as a task of its own
    await expect(sink.write(new Uint8Array(10))).rejects.toThrow('disk full');
    await expect(sink.close()).rejects.toThrow('disk full');
    expect(writer.calls).not.toContain('close');
  });

  test('a failure while a write waits for room rejects that write', async () => {
    const writer = new HeldWriter();
    const sink = new BatchingSink(writer, { batchBytes: 100, maxBatchesInFlight: 1 });
    await sink.write(new Uint8Array(100));
    const waiting = sink.write(new Uint8Array(100));
    writer.failOldest();
    await expect(waiting).rejects.toThrow('disk full');
  });

  test('abort drops the unsent batch, aborts the writer and refuses later writes', async () => {
    const writer = new HeldWriter();
    const sink = new BatchingSink(writer, { batchBytes: 100 });
    await sink.write(new Uint8Array(50));
    await sink.abort();
    expect(writer.calls).toEqual(['abort']);
    await expect(sink.write(new Uint8Array(1))).rejects.toThrow('aborted');
  });
});
