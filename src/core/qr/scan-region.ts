import type { RgbaImage } from './qr-decode.ts';

/** A crop of the source frame (sx, sy, sw, sh) and the size it is scaled to for decoding. */
export interface ScanRegion {
  readonly sx: number;
  readonly sy: number;
  readonly sw: number;
  readonly sh: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The central square of a camera frame, scaled down so that its side is at most `maxSide`.
 *
 * Why a square and not the whole frame: jsqr's time grows with pixel count, and scaling a whole
 * 1280×720 frame to 640 px halves the pixels per module, which pushes a dense code below the
 * ~3.5 px per module jsqr needs. The central 720×720 keeps 89 % of the resolution where the user
 * aims; a viewfinder should show that square. Numbers in docs/qr.md.
 */
export function centralSquare(sourceWidth: number, sourceHeight: number, maxSide = 640): ScanRegion {
  const side = Math.max(0, Math.min(sourceWidth, sourceHeight));
  const out = Math.max(1, Math.min(side, maxSide));
  return {
    sx: Math.floor((sourceWidth - side) / 2),
    sy: Math.floor((sourceHeight - side) / 2),
    sw: side,
    sh: side,
    width: out,
    height: out,
  };
}

/** The whole frame, scaled down so that its long side is at most `maxSide` (for stills). */
export function wholeFrame(sourceWidth: number, sourceHeight: number, maxSide = 1280): ScanRegion {
  const scale = Math.min(1, maxSide / Math.max(sourceWidth, sourceHeight, 1));
  return {
    sx: 0,
    sy: 0,
    sw: sourceWidth,
    sh: sourceHeight,
    width: Math.max(1, Math.round(sourceWidth * scale)),
    height: Math.max(1, Math.round(sourceHeight * scale)),
  };
}

/**
 * Crops and box-filters RGBA pixels in plain code, for Node and for workers without a canvas.
 * Browsers should use drawImage() with the same region instead: it runs natively.
 */
export function cropAndScale(image: RgbaImage, region: ScanRegion): RgbaImage {
  const { width, height } = region;
  const data = new Uint8ClampedArray(width * height * 4);
  const fx = region.sw / width;
  const fy = region.sh / height;
  for (let y = 0; y < height; y++) {
    const y0 = region.sy + Math.floor(y * fy);
    const y1 = Math.max(y0 + 1, region.sy + Math.floor((y + 1) * fy));
    for (let x = 0; x < width; x++) {
      const x0 = region.sx + Math.floor(x * fx);
      const x1 = Math.max(x0 + 1, region.sx + Math.floor((x + 1) * fx));
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const i = (sy * image.width + sx) * 4;
          r += image.data[i]!;
          g += image.data[i + 1]!;
          b += image.data[i + 2]!;
          a += image.data[i + 3]!;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * width + x) * 4;
      data[o] = r / n;
      data[o + 1] = g / n;
      data[o + 2] = b / n;
      data[o + 3] = a / n;
    }
  }
  return { data, width, height };
}
