import { SECOND_LOOKS, type SecondLook } from '../../core/qr/image-views.ts';
import type { DecodeOptions } from '../../core/qr/qr-decode.ts';
import { centralSquare, wholeFrame } from '../../core/qr/scan-region.ts';
import { QrDecoder } from './qr-decoder.ts';
import { Surface } from './surface.ts';

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
 * Without a worker, grabbing and decoding block the page. Decode time grows with pixels, so frames
 * start at 240 px (still 4 px per module for a version-7 code filling the square; jsqr's first
 * calls also run before the JIT has compiled it) and grow by a tenth after each frame done in
 * under 20 ms, up to 400 px; they shrink by a fifth after any frame over 40 ms (a long task is
 * 50 ms). After each frame the scanner pauses 3× as long, so the main thread spends at most a
 * quarter of its time scanning. Drawing the video frame alone can take 20–35 ms (headless
 * Chromium without GPU, bench:scan), so here some frames still exceed 50 ms.
 */
const MAIN_THREAD = { minSide: 240, maxSide: 400, budgetMs: 40, pauseFactor: 3 } as const;

/**
 * Each frame takes one second look, in turn, so a frame without a code costs about two decodes and
 * every look has been tried within half a second of aiming; after the looks, one frame looks
 * instead for a light-on-dark code (a screen inverted by an accessibility setting).
 */
function frameAttempts(looks: readonly SecondLook[]): readonly (readonly DecodeOptions[])[] {
  return [...looks.map((look) => [{ secondLooks: [look] }]), [{ polarity: 'inverted', secondLooks: [] }]];
}

const WORKER_ATTEMPTS = frameAttempts(SECOND_LOOKS);
/** An upscaled look costs 2–4 decodes in one task: too long for the main thread. */
const MAIN_THREAD_ATTEMPTS = frameAttempts(SECOND_LOOKS.filter((look) => 'shiftPx' in look || look.scale < 1));

/**
 * Reads QR codes from a playing <video> (the camera): grabs its central square at most every
 * `intervalMs`, decodes in a worker, and waits for each result before grabbing the next frame,
 * so a slow phone drops frames instead of queueing them.
 */
export class QrFrameScanner {
  private readonly decoder = new QrDecoder();
  private readonly surface = new Surface();
  /** Whether the worker takes VideoFrames (it crops and converts them) or needs grabbed pixels. */
  private framesToWorker = true;
  private mainThreadSide: number = MAIN_THREAD.minSide;
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
          const inWorker = this.decoder.inWorker;
          const region = centralSquare(videoWidth, videoHeight, inWorker ? maxSide : Math.min(maxSide, this.mainThreadSide));
          const plan = inWorker ? WORKER_ATTEMPTS : MAIN_THREAD_ATTEMPTS;
          const attempts = plan[frame % plan.length]!;
          const videoFrame = inWorker && this.framesToWorker ? currentFrame(this.video) : undefined;
          const reply = await this.decoder.decode(
            videoFrame ? { frame: videoFrame, region, attempts } : { image: this.surface.grab(this.video, region), attempts },
          );
          if ('text' in reply && !this.stopped && accept(reply.text)) return reply.text;
          if ('frameUnreadable' in reply) this.framesToWorker = false;
          // Without a worker, grabbing the frame (drawImage) costs the main thread as much as decoding it.
          if (!this.decoder.inWorker) pauseMs = Math.max(pauseMs, this.budgetMainThread(performance.now() - started));
        }
        await this.sleep(pauseMs - (performance.now() - started));
      }
      return undefined;
    } finally {
      this.decoder.close();
    }
  }

  /** Adapts the next frame's size to the last frame's grab and decode time; returns the pause before it. */
  private budgetMainThread(workMs: number): number {
    const { minSide, maxSide, budgetMs, pauseFactor } = MAIN_THREAD;
    if (workMs > budgetMs) this.mainThreadSide = Math.max(minSide, Math.round(this.mainThreadSide * 0.8));
    else if (workMs < budgetMs / 2) this.mainThreadSide = Math.min(maxSide, Math.round(this.mainThreadSide * 1.1));
    return pauseFactor * workMs;
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
 * The video's current frame as a VideoFrame, which only references the camera's buffer: making
 * one costs the main thread nothing like drawImage(). Undefined without WebCodecs.
 */
function currentFrame(video: HTMLVideoElement): VideoFrame | undefined {
  if (typeof VideoFrame !== 'function') return undefined;
  try {
    return new VideoFrame(video);
  } catch {
    return undefined; // No frame to wrap yet, e.g. right after a camera switch.
  }
}

/**
 * A chosen file or a pasted screenshot: decoded whole (scaled to at most 1600 px), first as is
 * (a crisp screenshot can have under 3 px per module, which smoothing would erase), then
 * smoothed with every second look (a noisy photo), then inverted.
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
    const reply = await decoder.decode({
      image,
      attempts: [
        { smooth: false, secondLooks: [] },
        {},
        { polarity: 'inverted', smooth: false, secondLooks: [] },
        { polarity: 'inverted', secondLooks: [] },
      ],
    });
    return 'text' in reply ? reply.text : undefined;
  } finally {
    decoder.close();
  }
}
