import type { BatchWriter } from '../../core/transfer/batching-sink.ts';
import type { OpfsWorkerReply, OpfsWorkerRequest } from './opfs-worker.ts';

/**
 * Writes through opfs-worker.ts, one worker per file; a BatchingSink in front of it makes it a
 * FileSink. The chunks' buffers are transferred to the worker, not copied. open() rejects where
 * module workers or synchronous access handles are missing, and the caller then uses a writable
 * stream or Blob parts.
 */
export class OpfsWorkerSink implements BatchWriter {
  private readonly replies: ((reply: OpfsWorkerReply) => void)[] = [];
  private stopped: string | undefined;

  static async open(folder: string, name: string, onClosed: () => Promise<void>): Promise<OpfsWorkerSink> {
    const worker = new Worker(new URL('./opfs-worker.ts', import.meta.url), { type: 'module' });
    const sink = new OpfsWorkerSink(worker, onClosed);
    try {
      await sink.request({ op: 'open', folder, name });
    } catch (error) {
      worker.terminate();
      throw error;
    }
    return sink;
  }

  private constructor(
    private readonly worker: Worker,
    private readonly onClosed: () => Promise<void>,
  ) {
    worker.onmessage = (event: MessageEvent<OpfsWorkerReply>) => this.replies.shift()?.(event.data);
    // The module failed to load (an old browser, a CSP without worker-src 'self') or crashed.
    worker.onerror = (event) => {
      event.preventDefault();
      this.stop('the file writer stopped');
    };
  }

  writeBatch(chunks: Uint8Array<ArrayBuffer>[]): Promise<void> {
    // A buffer may appear once only in a transfer list, and chunks may share one.
    return this.request({ op: 'write', chunks }, [...new Set(chunks.map((chunk) => chunk.buffer))]);
  }

  async close(): Promise<void> {
    await this.request({ op: 'close' });
    this.stop('closed');
    await this.onClosed();
  }

  async abort(): Promise<void> {
    try {
      await this.request({ op: 'abort' });
    } finally {
      this.stop('aborted');
    }
  }

  private request(message: OpfsWorkerRequest, transfer: Transferable[] = []): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.stopped) return reject(new Error(this.stopped));
      this.replies.push((reply) => (reply.ok ? resolve() : reject(new Error(reply.error))));
      this.worker.postMessage(message, transfer);
    });
  }

  private stop(reason: string): void {
    this.stopped = reason;
    this.worker.terminate();
    for (const reply of this.replies.splice(0)) reply({ ok: false, error: reason });
  }
}
