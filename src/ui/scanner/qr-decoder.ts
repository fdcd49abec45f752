import type { QrDecodeReply, QrDecodeRequest } from './qr-worker.ts';

/**
 * Decodes images in a module worker, one at a time. When no worker can run (construction throws
 * under a strict CSP or in an old browser; or the module fails to load, reported by an 'error'
 * event), it decodes on the main thread instead, and `inWorker` turns false so that the caller
 * shrinks its frames and spaces its decodes (see QrFrameScanner).
 */
export class QrDecoder {
  private worker: Worker | undefined;
  private pending: ((reply: QrDecodeReply) => void) | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor() {
    try {
      this.worker = new Worker(new URL('./qr-worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (event: MessageEvent<QrDecodeReply>) => this.settle(event.data);
      this.worker.onerror = (event) => {
        event.preventDefault();
        this.stopWorker();
      };
    } catch {
      this.worker = undefined;
    }
  }

  get inWorker(): boolean {
    return this.worker !== undefined;
  }

  /**
   * Decodes with each attempt in turn. Calls are serialised: a caller that awaits each result
   * (as the frame scanner does) never has more than one frame in flight.
   */
  decode(request: QrDecodeRequest): Promise<QrDecodeReply> {
    const run = this.queue.then(() => this.run(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Ends the worker; a decode still running reports "no code", and later ones do nothing. */
  close(): void {
    this.closed = true;
    this.stopWorker();
  }

  private run(request: QrDecodeRequest): Promise<QrDecodeReply> {
    const worker = this.worker;
    if (this.closed) {
      if ('frame' in request) request.frame.close();
      return Promise.resolve({ none: true, ms: 0 });
    }
    if (!worker) return decodeHere(request);
    return new Promise((resolve) => {
      this.pending = resolve;
      // Transferred, not copied: detached here, and the caller grabs a new frame anyway.
      worker.postMessage(request, ['frame' in request ? request.frame : request.image.data.buffer]);
    });
  }

  private settle(reply: QrDecodeReply): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.(reply);
  }

  /**
   * Also the fallback path: a frame sent to a worker that died went with its buffer, so that one
   * request reports "no code" and the caller's next frame decodes on the main thread.
   */
  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.settle({ none: true, ms: 0 });
  }
}

let decoderModule: Promise<typeof import('./qr-worker.ts')> | undefined;

/** Main-thread path: the worker module itself, imported on first use so jsqr loads only when needed. */
async function decodeHere(request: QrDecodeRequest): Promise<QrDecodeReply> {
  decoderModule ??= import('./qr-worker.ts');
  return (await decoderModule).runDecode(request);
}
