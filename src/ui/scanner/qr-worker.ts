/**
 * Module worker that runs jsqr off the main thread: one 640×640 decode took 36 ms median and
 * 66 ms p95 of CPU on the build machine (more on a slow phone), far over the 16 ms a frame has.
 * Started by qr-decoder.ts with `new Worker(new URL('./qr-worker.ts', import.meta.url),
 * { type: 'module' })`, which Vite bundles as its own chunk, so jsqr stays out of the main bundle.
 */
import { decodeQr, type DecodeOptions, type RgbaImage } from '../../core/qr/qr-decode.ts';

export interface QrDecodeRequest {
  /** Sent with its buffer transferred, so posting a frame copies nothing. */
  readonly image: RgbaImage;
  /** Tried in order until one finds a code: one for a live frame, several for a still image. */
  readonly attempts: readonly DecodeOptions[];
}

/** `ms` is the decode time, for the caller's frame budget. */
export type QrDecodeReply = { readonly text: string; readonly ms: number } | { readonly none: true; readonly ms: number };

/**
 * Runs the attempts on one image. The main-thread fallback imports this module dynamically and
 * calls it too, so both paths behave alike and jsqr is loaded only when scanning starts.
 */
export function runDecode({ image, attempts }: QrDecodeRequest): QrDecodeReply {
  const started = performance.now();
  for (const options of attempts) {
    const text = decodeQr(image, options);
    if (text !== undefined) return { text, ms: performance.now() - started };
  }
  return { none: true, ms: performance.now() - started };
}

/** The slice of DedicatedWorkerGlobalScope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<QrDecodeRequest>) => void) | null;
  postMessage(reply: QrDecodeReply): void;
}

// WorkerGlobalScope exists only inside workers: imported on the main thread, this module only exports.
if ('WorkerGlobalScope' in globalThis) {
  const scope = globalThis as unknown as WorkerScope;
  scope.onmessage = (event) => scope.postMessage(runDecode(event.data));
}
