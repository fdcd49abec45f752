/**
 * Module worker that runs jsqr off the main thread: one 640×640 decode took 31 ms median and
 * 61 ms p95 of CPU on the build machine (more on a slow phone), far over the 16 ms a frame has.
 * Camera frames arrive as VideoFrames and are cropped, scaled and converted to RGBA here too:
 * drawImage() of a 1280×720 video took 15–45 ms on the main thread in headless Chromium.
 * Started by qr-decoder.ts with `new Worker(new URL('./qr-worker.ts', import.meta.url),
 * { type: 'module' })`, which Vite bundles as its own chunk, so jsqr stays out of the main bundle.
 */
import { decodeQr, type DecodeOptions, type RgbaImage } from '../../core/qr/qr-decode.ts';
import type { ScanRegion } from '../../core/qr/scan-region.ts';
import { Surface } from './surface.ts';

/** Sent with its buffer or frame transferred, so posting copies nothing. */
export type QrDecodeRequest = ({ readonly image: RgbaImage } | { readonly frame: VideoFrame; readonly region: ScanRegion }) & {
  /** Tried in order until one finds a code: one for a live frame, several for a still image. */
  readonly attempts: readonly DecodeOptions[];
};

/**
 * `ms` is the time spent, for the caller's frame budget. `frameUnreadable`: this browser could not
 * draw a VideoFrame here, so the caller should grab frames itself.
 */
export type QrDecodeReply =
  | { readonly text: string; readonly ms: number }
  | { readonly none: true; readonly ms: number; readonly frameUnreadable?: true };

let surface: Surface | undefined;

/**
 * Runs the attempts on one image. The main-thread fallback imports this module dynamically and
 * calls it too, so both paths behave alike and jsqr is loaded only when scanning starts.
 */
export function runDecode(request: QrDecodeRequest): QrDecodeReply {
  const started = performance.now();
  let image: RgbaImage;
  if ('frame' in request) {
    try {
      image = (surface ??= new Surface()).grab(request.frame, request.region);
    } catch {
      return { none: true, ms: performance.now() - started, frameUnreadable: true };
    } finally {
      // An unclosed VideoFrame holds one of the camera's few buffers: the capture would stall.
      request.frame.close();
    }
  } else {
    image = request.image;
  }
  for (const options of request.attempts) {
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
