import type { RgbaImage } from './qr-decode.ts';

/**
 * Bilinear resampling by `factor`. jsqr's finder search works on a fixed 8×8 block grid, so the
 * same photo at another scale lands the finder patterns differently; a second look at 1.5× and
 * 0.75× reads most of the codes it mislocated at the first (docs/benchmarks.md, bench:qr).
 */
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
