import jsQR from 'jsqr';
import { rescale, SECOND_LOOKS, shiftGrid, type SecondLook } from './image-views.ts';

/** RGBA pixels, as canvas getImageData() returns them; ImageData satisfies this type. */
export interface RgbaImage {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/**
 * Which polarity to look for. 'both' decodes twice on every frame without a code (most frames
 * while aiming), so a scanner should rather alternate 'normal' and 'inverted' across frames.
 * We always render dark on light; inverted codes come from a screen inverted by an
 * accessibility setting.
 */
export type QrPolarity = 'normal' | 'inverted' | 'both';

export interface DecodeOptions {
  readonly polarity?: QrPolarity;
  /**
   * Smooth before decoding (default true). jsqr thresholds each pixel against its 8×8 block mean
   * once a block's range exceeds 24 levels, so sensor noise of σ ≥ 10 turns flat white into
   * speckle and no finder pattern is found (0 % decoded); a binomial 5-tap blur (σ = 1 px)
   * brings that to 97.6 % at 4 px per module, and also halves jsqr's time on busy frames
   * (docs/qr.md).
   */
  readonly smooth?: boolean;
  /**
   * Views tried in turn when the image as it is shows no code; default: all of SECOND_LOOKS.
   * A live scanner passes one per frame, so that a frame with no code costs about two decodes.
   */
  readonly secondLooks?: readonly SecondLook[];
}

/**
 * Upscaled views stop here (a 640² camera frame at 2× is 1.6 Mpx): jsqr's time and memory grow
 * with pixels, and a photo that large already gives a code enough pixels per module.
 */
const MAX_VIEW_PIXELS = 2_000_000;

/** The text of the first QR code found, or undefined. Never throws on odd input. */
export function decodeQr(image: RgbaImage, options: DecodeOptions = {}): string | undefined {
  const { width, height } = image;
  if (!(width > 0 && height > 0) || image.data.length < width * height * 4) return undefined;
  const first = decodeAtScale(image, options);
  if (first !== undefined) return first;
  for (const look of options.secondLooks ?? SECOND_LOOKS) {
    if ('scale' in look && look.scale > 1 && image.width * image.height * look.scale ** 2 > MAX_VIEW_PIXELS) continue;
    const view = 'shiftPx' in look ? shiftGrid(image, look.shiftPx) : rescale(image, look.scale);
    const text = decodeAtScale(view, options);
    if (text !== undefined) return text;
  }
  return undefined;
}

function decodeAtScale(image: RgbaImage, options: DecodeOptions): string | undefined {
  const { width, height } = image;
  const polarity = options.polarity ?? 'normal';
  const smooth = options.smooth ?? true;
  for (const invert of polarity === 'both' ? [false, true] : [polarity === 'inverted']) {
    const pixels = smooth || invert ? grayPixels(image, smooth, invert) : image.data;
    const text = scan(pixels, width, height);
    if (text !== undefined) return text;
  }
  return undefined;
}

/**
 * Inversion is done here, never by jsqr: its 'onlyInvert' throws (1.4.0 binarizes without the
 * inverted matrix), and its inverted matrix turns flat dark areas, which its binarizer calls
 * light, into dark ones, so a smoothed inverted code is missed even with 'attemptBoth'.
 */
function scan(pixels: Uint8ClampedArray, width: number, height: number): string | undefined {
  try {
    return jsQR(pixels, width, height, { inversionAttempts: 'dontInvert' })?.data;
  } catch {
    // jsqr has thrown on degenerate images (a few pixels wide); that is "no code" to a scanner.
    return undefined;
  }
}

/**
 * Gray RGBA (r = g = b), optionally blurred with the separable kernel [1 4 6 4 1] / 16 (edges
 * clamped) and inverted. Luma uses jsqr's own weights, so jsqr sees only the blur and inversion.
 * Plain indexed loops: a closure per pixel made this 30× slower in V8.
 */
export function grayPixels({ data, width, height }: RgbaImage, smooth = true, invert = false): Uint8ClampedArray {
  const luma = new Float32Array(width * height);
  for (let i = 0; i < luma.length; i++) luma[i] = 0.2126 * data[4 * i]! + 0.7152 * data[4 * i + 1]! + 0.0722 * data[4 * i + 2]!;
  const out = new Uint8ClampedArray(width * height * 4);
  const sign = invert ? -1 : 1;
  const offset = invert ? 255 : 0;
  if (!smooth) {
    for (let i = 0; i < luma.length; i++) {
      out[4 * i] = out[4 * i + 1] = out[4 * i + 2] = offset + sign * luma[i]!;
      out[4 * i + 3] = 255;
    }
    return out;
  }
  const rows = new Float32Array(luma.length);
  const line = new Float32Array(Math.max(width, height) + 4);
  for (let y = 0; y < height; y++) {
    for (let x = -2; x < width + 2; x++) line[x + 2] = luma[y * width + Math.min(width - 1, Math.max(0, x))]!;
    for (let x = 0; x < width; x++) rows[y * width + x] = binomial5(line, x);
  }
  for (let x = 0; x < width; x++) {
    for (let y = -2; y < height + 2; y++) line[y + 2] = rows[Math.min(height - 1, Math.max(0, y)) * width + x]!;
    for (let y = 0; y < height; y++) {
      const o = 4 * (y * width + x);
      out[o] = out[o + 1] = out[o + 2] = offset + sign * binomial5(line, y);
      out[o + 3] = 255;
    }
  }
  return out;
}

/** [1 4 6 4 1] / 16 centred on line[at + 2] (the line carries two clamped values at each end). */
function binomial5(line: Float32Array, at: number): number {
  return (line[at]! + 4 * line[at + 1]! + 6 * line[at + 2]! + 4 * line[at + 3]! + line[at + 4]!) / 16;
}
