import type { RgbaImage } from './qr-decode.ts';

/*
 * Other views of one photo for a second look. jsqr binarizes against the means of a fixed 8×8
 * block grid, so where a block boundary falls on a finder pattern or a timing row decides whether
 * a marginal photo reads; the same photo shifted by half a block or scaled puts the boundaries
 * elsewhere (docs/qr.md, bench:qr).
 */

/** The same image with jsqr's 8×8 block grid moved. */
export type SecondLook = { readonly shiftPx: number } | { readonly scale: number };

/**
 * Cheapest first: a half-block shift costs one decode, 2× costs four. Kept out of qr-decode.ts so
 * that the scanner can pick looks without loading jsqr on the main thread.
 */
export const SECOND_LOOKS: readonly SecondLook[] = [{ shiftPx: 4 }, { scale: 1.5 }, { scale: 0.75 }, { scale: 2 }];

/** The image without its first `px` rows and columns: the block grid moves by `px`. */
export function shiftGrid(image: RgbaImage, px: number): RgbaImage {
  const width = Math.max(1, image.width - px);
  const height = Math.max(1, image.height - px);
  if (width === image.width && height === image.height) return image;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = 4 * ((y + px) * image.width + px);
    data.set(image.data.subarray(from, from + 4 * width), 4 * y * width);
  }
  return { data, width, height };
}

/** Bilinear resampling by `factor`. */
export function rescale(image: RgbaImage, factor: number): RgbaImage {
  const width = Math.max(1, Math.round(image.width * factor));
  const height = Math.max(1, Math.round(image.height * factor));
  const data = new Uint8ClampedArray(width * height * 4);
  const src = image.data;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(image.height - 1, y / factor);
    const y0 = Math.floor(sy);
    const y1 = Math.min(image.height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(image.width - 1, x / factor);
      const x0 = Math.floor(sx);
      const x1 = Math.min(image.width - 1, x0 + 1);
      const fx = sx - x0;
      const a = 4 * (y0 * image.width + x0);
      const b = 4 * (y0 * image.width + x1);
      const c = 4 * (y1 * image.width + x0);
      const d = 4 * (y1 * image.width + x1);
      const o = 4 * (y * width + x);
      for (let k = 0; k < 4; k++) {
        data[o + k] = (1 - fy) * ((1 - fx) * src[a + k]! + fx * src[b + k]!) + fy * ((1 - fx) * src[c + k]! + fx * src[d + k]!);
      }
    }
  }
  return { data, width, height };
}
