import type { DecodeOptions, RgbaImage } from '../../core/qr/qr-decode.ts';
import { centralSquare, wholeFrame, type ScanRegion } from '../../core/qr/scan-region.ts';
import { QrDecoder } from './qr-decoder.ts';

export interface QrFrameScannerOptions {
  /** Least time from one grabbed frame to the next: 10 per second is plenty for a held phone. */
  readonly intervalMs?: number;
  /** Side of the decoded square (the centre of the frame, scaled down); docs/qr.md has the timings. */
  readonly maxSide?: number;
  /**
   * Whether a decoded text is the one wanted, e.g. `(t) => codec.decode(t).ok`. jsqr has read
   * codes out of noise with no code in view, so a scanner that stopped at the first text would
   * sometimes stop at garbage. Default: accept anything.
   */
  readonly accept?: (text: string) => boolean;
}

/**
 * Without a worker, jsqr blocks the page. Time grows with pixels, so frames start at 400 px and
 * shrink by a fifth after any decode over 40 ms (a long task is 50 ms), down to 240 px (still
 * 4 px per module for a version-7 code filling the square); after each decode the scanner pauses
 * 3× as long, so the main thread spends at most a quarter of its time decoding.
 */
const MAIN_THREAD = { startSide: 400, minSide: 240, budgetMs: 40, pauseFactor: 3 } as const;

/** Every 4th frame looks for a light-on-dark code (a screen inverted by an accessibility setting). */
const FRAME_ATTEMPTS: readonly (readonly DecodeOptions[])[] = [[{}], [{}], [{}], [{ polarity: 'inverted' }]];

/**
 * Reads QR codes from a playing <video> (the camera): grabs its central square at most every
 * `intervalMs`, decodes in a worker, and waits for each result before grabbing the next frame,
 * so a slow phone drops frames instead of queueing them.
 */
export class QrFrameScanner {
  private readonly decoder = new QrDecoder();
  private readonly surface = new Surface();
  private mainThreadSide: number = MAIN_THREAD.startSide;
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly options: QrFrameScannerOptions = {},
  ) {}

  /** Resolves with the first accepted text, or undefined once stop() is called. Call once. */
  async scan(): Promise<string | undefined> {
    const { intervalMs = 100, maxSide = 640, accept = () => true } = this.options;
    try {
      for (let frame = 0; !this.stopped; frame++) {
        const started = performance.now();
        const { videoWidth, videoHeight, readyState } = this.video;
        let pauseMs = intervalMs;
        if (readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && videoWidth > 0) {
          const side = this.decoder.inWorker ? maxSide : Math.min(maxSide, this.mainThreadSide);
          const image = this.surface.grab(this.video, centralSquare(videoWidth, videoHeight, side));
          const reply = await this.decoder.decode(image, FRAME_ATTEMPTS[frame % FRAME_ATTEMPTS.length]!);
          if ('text' in reply && !this.stopped && accept(reply.text)) return reply.text;
          if (!this.decoder.inWorker) pauseMs = Math.max(pauseMs, this.budgetMainThread(reply.ms));
        }
        await this.sleep(pauseMs - (performance.now() - started));
      }
      return undefined;
    } finally {
      this.decoder.close();
    }
  }

  /** Adapts the next frame's size to the last decode time; returns the pause before it. */
  private budgetMainThread(decodeMs: number): number {
    const { startSide, minSide, budgetMs, pauseFactor } = MAIN_THREAD;
    if (decodeMs > budgetMs) this.mainThreadSide = Math.max(minSide, Math.round(this.mainThreadSide * 0.8));
    else if (decodeMs < budgetMs / 2) this.mainThreadSide = Math.min(startSide, Math.round(this.mainThreadSide * 1.1));
    return pauseFactor * decodeMs;
  }

  stop(): void {
    this.stopped = true;
    this.decoder.close();
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

/**
 * A chosen file or a pasted screenshot: decoded whole (scaled to at most 1600 px), first as is
 * (a crisp screenshot can have under 3 px per module, which smoothing would erase), then
 * smoothed (a noisy photo), then inverted.
 */
export async function decodeImageFile(file: Blob): Promise<string | undefined> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return undefined; // Not an image the browser can decode.
  }
  const image = new Surface().grab(bitmap, wholeFrame(bitmap.width, bitmap.height, 1600));
  bitmap.close();
  const decoder = new QrDecoder();
  try {
    const reply = await decoder.decode(image, [{ smooth: false }, {}, { polarity: 'inverted', smooth: false }, { polarity: 'inverted' }]);
    return 'text' in reply ? reply.text : undefined;
  } finally {
    decoder.close();
  }
}

/** One reusable 2D canvas; OffscreenCanvas where it exists, since it never touches the DOM. */
class Surface {
  private context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | undefined;

  grab(source: CanvasImageSource, region: ScanRegion): RgbaImage {
    const context = this.contextOf(region.width, region.height);
    context.drawImage(source, region.sx, region.sy, region.sw, region.sh, 0, 0, region.width, region.height);
    return context.getImageData(0, 0, region.width, region.height);
  }

  private contextOf(width: number, height: number): CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D {
    if (!this.context) {
      const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : document.createElement('canvas');
      // willReadFrequently keeps the canvas in memory: a GPU canvas would read back every frame.
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) throw new Error('2D canvas unavailable');
      this.context = context as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
    }
    const { canvas } = this.context;
    if (canvas.width !== width || canvas.height !== height) [canvas.width, canvas.height] = [width, height];
    return this.context;
  }
}
