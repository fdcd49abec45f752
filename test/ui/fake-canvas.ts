import { afterEach, beforeEach, vi } from 'vitest';
import type { RgbaImage } from '../../src/core/qr/qr-decode.ts';

/** A decoded picture, as createImageBitmap() resolves it: RGBA pixels that the fake canvas can draw. */
export class FakeBitmap implements RgbaImage {
  closed = false;

  constructor(
    readonly data: Uint8ClampedArray,
    readonly width: number,
    readonly height: number,
  ) {}

  close(): void {
    this.closed = true;
  }
}

/**
 * happy-dom has no 2D canvas (getContext returns null). This context paints into RGBA pixels:
 * fillRect in a #rrggbb / #rgb fillStyle, drawImage of a FakeBitmap or of another canvas (nearest
 * neighbour), getImageData. That is all the page needs to draw a QR code and to read one back.
 */
class FakeContext2D {
  fillStyle = '#000';
  private image = new FakeBitmap(new Uint8ClampedArray(0), 0, 0);

  constructor(readonly canvas: HTMLCanvasElement) {}

  fillRect(x: number, y: number, width: number, height: number): void {
    const hex = this.fillStyle.length === 4 ? [...this.fillStyle.slice(1)].map((c) => c + c).join('') : this.fillStyle.slice(1);
    const rgba = [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16)).concat(255);
    this.paint(x, y, width, height, () => rgba);
  }

  drawImage(source: unknown, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number, dw: number, dh: number): void {
    const from = source instanceof FakeBitmap ? source : pixelsOf(source as HTMLCanvasElement);
    this.paint(dx, dy, dw, dh, (col, row) => {
      const at = 4 * (Math.floor(sy + ((row - dy) * sh) / dh) * from.width + Math.floor(sx + ((col - dx) * sw) / dw));
      return [...from.data.subarray(at, at + 4)];
    });
  }

  getImageData(x: number, y: number, width: number, height: number): RgbaImage {
    const image = this.sized();
    const data = new Uint8ClampedArray(width * height * 4);
    for (let row = 0; row < height; row++) {
      const start = 4 * ((y + row) * image.width + x);
      data.set(image.data.subarray(start, start + 4 * width), 4 * row * width);
    }
    return { data, width, height };
  }

  private paint(x: number, y: number, width: number, height: number, colour: (col: number, row: number) => number[]): void {
    const image = this.sized();
    for (let row = Math.max(0, y); row < Math.min(image.height, y + height); row++) {
      for (let col = Math.max(0, x); col < Math.min(image.width, x + width); col++) {
        image.data.set(colour(col, row), 4 * (row * image.width + col));
      }
    }
  }

  /** Like a canvas, resizing clears it to transparent black. */
  private sized(): FakeBitmap {
    const { width, height } = this.canvas;
    if (this.image.width !== width || this.image.height !== height) {
      this.image = new FakeBitmap(new Uint8ClampedArray(width * height * 4), width, height);
    }
    return this.image;
  }
}

const contexts = new WeakMap<HTMLCanvasElement, FakeContext2D>();

/** Gives every canvas element the fake 2D context, in each test of the calling file. */
export function useFakeCanvas(): void {
  beforeEach(() => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement, kind: string) {
      if (kind !== '2d') return null;
      if (!contexts.has(this)) contexts.set(this, new FakeContext2D(this));
      return contexts.get(this) as unknown as CanvasRenderingContext2D;
    } as HTMLCanvasElement['getContext']);
    // happy-dom's OffscreenCanvas draws nothing either; without one, the page draws on a canvas element.
    vi.stubGlobal('OffscreenCanvas', undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });
}

/** What a canvas shows, as RGBA pixels. */
export function pixelsOf(canvas: HTMLCanvasElement): FakeBitmap {
  const image = contexts.get(canvas)?.getImageData(0, 0, canvas.width, canvas.height);
  if (!image) throw new Error('nothing was drawn on this canvas');
  return new FakeBitmap(image.data, image.width, image.height);
}
