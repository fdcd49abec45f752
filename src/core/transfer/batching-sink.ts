import type { FileSink } from './file-sink.ts';

/** Writes chunks in order somewhere else, e.g. in a worker; each call resolves once its chunks are written. */
export interface BatchWriter {
  writeBatch(chunks: Uint8Array<ArrayBuffer>[]): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

export interface BatchingOptions {
  /** A batch goes to the writer once it holds this many bytes (close sends the rest). */
  readonly batchBytes?: number;
  /** write() waits while more batches than this are unwritten. */
  readonly maxBatchesInFlight?: number;
}

/**
 * A FileSink in front of a writer on another thread. A message per 256 KiB frame to the OPFS
 * worker and a reply per frame back cost the receiving page's main thread about 0.3 ms per frame
 * (CDP trace, docs/benchmarks.md), so chunks go in batches, and the next batch is sent while the
 * writer is still busy with earlier ones.
 *
 * write() resolves as soon as the chunk is queued, unless more than maxBatchesInFlight batches are
 * unwritten; so the sink holds at most maxBatchesInFlight + 1 batches of about batchBytes (3 to
 * 4 MiB by default), and a slow disk still slows the sender. A batch that fails rejects the next
 * write() or close().
 */
export class BatchingSink implements FileSink {
  private batch: Uint8Array<ArrayBuffer>[] = [];
  private batchedBytes = 0;
  private readonly inFlight: Promise<void>[] = [];
  private failure: { readonly error: unknown } | undefined;
  private readonly batchBytes: number;
  private readonly maxBatchesInFlight: number;

  constructor(
    private readonly writer: BatchWriter,
    options: BatchingOptions = {},
  ) {
    this.batchBytes = options.batchBytes ?? 1024 * 1024;
    this.maxBatchesInFlight = options.maxBatchesInFlight ?? 2;
  }

  async write(chunk: Uint8Array<ArrayBuffer>): Promise<void> {
    this.throwIfFailed();
    this.batch.push(chunk);
    this.batchedBytes += chunk.byteLength;
    if (this.batchedBytes < this.batchBytes) return;
    this.sendBatch();
    while (this.inFlight.length > this.maxBatchesInFlight) await this.inFlight.shift();
    this.throwIfFailed();
  }

  async close(): Promise<void> {
    this.throwIfFailed();
    if (this.batch.length > 0) this.sendBatch();
    await Promise.all(this.inFlight.splice(0));
    await this.writer.close();
  }

  async abort(): Promise<void> {
    this.failure ??= { error: new Error('the sink was aborted') };
    this.batch = [];
    this.batchedBytes = 0;
    this.inFlight.length = 0;
    await this.writer.abort();
  }

  private sendBatch(): void {
    const chunks = this.batch;
    this.batch = [];
    this.batchedBytes = 0;
    const written = this.writer.writeBatch(chunks);
    // Remembered at once, so the next write() fails without waiting for its turn in inFlight.
    written.catch((error: unknown) => (this.failure ??= { error }));
    this.inFlight.push(written);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
