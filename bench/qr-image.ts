/**
 * Plain-TS image operations that make a rendered QR code look like a phone's photo of a screen:
 * perspective, rotation, blur, contrast loss and sensor noise. Seeded, so runs are repeatable.
 */
import type { QrMatrix } from '../src/core/qr/qr-matrix.ts';
import type { RgbaImage } from '../src/core/qr/qr-decode.ts';

export type Random = () => number;

/** 3×3 supersampling positions inside a pixel: anti-aliased edges, as a lens would give. */
const SUBPIXEL = [1 / 6, 1 / 2, 5 / 6];

/** mulberry32: tiny, fast, good enough for test data. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export interface Gray {
  readonly data: Float32Array;
  readonly width: number;
  readonly height: number;
}

export interface Photo {
  pxPerModule: number;
  quietModules: number;
  rotationDeg: number;
  /** Each corner moves by up to this fraction of the code's width: a screen not quite facing the lens. */
  perspective: number;
  blurSigma: number;
  noiseSigma: number;
  dark: number;
  light: number;
  /** Fraction of the code's area washed out by a reflection; 0 or absent for none. */
  glare?: number;
  /** Frame size; defaults to the code plus 15 % on each side. */
  frameWidth?: number;
  frameHeight?: number;
}

/** Renders the symbol through a random homography with 3×3 supersampling, then blur and noise. */
export function photograph(matrix: QrMatrix, photo: Photo, random: Random, background?: Gray): Gray {
  const n = matrix.size + 2 * photo.quietModules;
  const codePx = n * photo.pxPerModule;
  const width = photo.frameWidth ?? Math.ceil(codePx * 1.3);
  const height = photo.frameHeight ?? width;
  const angle = (photo.rotationDeg * Math.PI) / 180;
  const [cx, cy] = [width / 2, height / 2];
  const corners: [number, number][] = [[0, 0], [n, 0], [n, n], [0, n]];
  const dest = corners.map(([u, v]) => {
    const [dx, dy] = [(u - n / 2) * photo.pxPerModule, (v - n / 2) * photo.pxPerModule];
    const jitter = () => (random() * 2 - 1) * photo.perspective * codePx;
    const x = cx + dx * Math.cos(angle) - dy * Math.sin(angle) + jitter();
    const y = cy + dx * Math.sin(angle) + dy * Math.cos(angle) + jitter();
    return [x, y] as [number, number];
  });
  const h = homography(dest, corners);
  const out = new Float32Array(width * height);
  const xs = dest.map(([x]) => x);
  const ys = dest.map(([, y]) => y);
  const [left, right] = [Math.floor(Math.min(...xs)), Math.ceil(Math.max(...xs))];
  const [top, bottom] = [Math.floor(Math.min(...ys)), Math.ceil(Math.max(...ys))];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const back = background ? background.data[i]! : photo.light;
      if (x < left || x > right || y < top || y > bottom) {
        out[i] = back;
        continue;
      }
      let darkHits = 0;
      let inside = 0;
      for (let sy = 0; sy < 3; sy++) {
        for (let sx = 0; sx < 3; sx++) {
          const px = x + SUBPIXEL[sx]!;
          const py = y + SUBPIXEL[sy]!;
          const w = h[6]! * px + h[7]! * py + h[8]!;
          const u = (h[0]! * px + h[1]! * py + h[2]!) / w;
          const v = (h[3]! * px + h[4]! * py + h[5]!) / w;
          if (u < 0 || v < 0 || u >= n || v >= n) continue;
          inside++;
          const col = Math.floor(u) - photo.quietModules;
          const row = Math.floor(v) - photo.quietModules;
          if (row >= 0 && col >= 0 && row < matrix.size && col < matrix.size && matrix.modules[row * matrix.size + col]) darkHits++;
        }
      }
      out[i] = (back * (9 - inside) + photo.light * (inside - darkHits) + photo.dark * darkHits) / 9;
    }
  }
  if (photo.glare) addGlare(out, width, dest, codePx, photo.glare, random);
  const blurred = blur({ data: out, width, height }, photo.blurSigma);
  for (let i = 0; i < blurred.data.length; i++) blurred.data[i] = blurred.data[i]! + gaussian(random) * photo.noiseSigma;
  return blurred;
}

/** Separable Gaussian blur with clamped edges. */
export function blur(image: Gray, sigma: number): Gray {
  if (sigma <= 0) return image;
  const radius = Math.ceil(3 * sigma);
  const raw = Array.from({ length: 2 * radius + 1 }, (_, k) => Math.exp(-((k - radius) ** 2) / (2 * sigma * sigma)));
  const sum = raw.reduce((a, b) => a + b, 0);
  const kernel = Float32Array.from(raw, (k) => k / sum);
  const { width, height } = image;
  const line = new Float32Array(Math.max(width, height) + 2 * radius);
  const pass = (src: Float32Array, count: number, length: number, stride: number, step: number) => {
    const dst = new Float32Array(src.length);
    for (let c = 0; c < count; c++) {
      for (let k = -radius; k < length + radius; k++) line[k + radius] = src[c * stride + Math.min(length - 1, Math.max(0, k)) * step]!;
      for (let k = 0; k < length; k++) {
        let acc = 0;
        for (let t = 0; t < kernel.length; t++) acc += line[k + t]! * kernel[t]!;
        dst[c * stride + k * step] = acc;
      }
    }
    return dst;
  };
  return { data: pass(pass(image.data, height, width, width, 1), width, height, 1, width), width, height };
}

/** Washes out a disc (a lamp or window reflected by the screen) over `fraction` of the code's area. */
function addGlare(out: Float32Array, width: number, corners: [number, number][], codePx: number, fraction: number, random: Random): void {
  const [cx, cy] = [corners.reduce((a, [x]) => a + x, 0) / 4, corners.reduce((a, [, y]) => a + y, 0) / 4];
  const [gx, gy] = [cx + (random() - 0.5) * codePx * 0.6, cy + (random() - 0.5) * codePx * 0.6];
  const radius = codePx * Math.sqrt(fraction / Math.PI);
  for (let y = Math.max(0, Math.floor(gy - radius)); y < Math.min(out.length / width, gy + radius); y++) {
    for (let x = Math.max(0, Math.floor(gx - radius)); x < Math.min(width, gx + radius); x++) {
      const d = Math.hypot(x - gx, y - gy) / radius;
      if (d < 1) out[y * width + x] = out[y * width + x]! + (255 - out[y * width + x]!) * Math.min(1, 1.6 * (1 - d * d));
    }
  }
}

/** A busy "scene" without a code: overlapping boxes like windows and text lines, blurred and noisy. */
export function scene(width: number, height: number, random: Random): Gray {
  const data = new Float32Array(width * height).fill(128);
  for (let r = 0; r < 400; r++) {
    const [w, h] = [4 + random() * width * 0.3, 2 + random() * height * 0.1];
    const [x0, y0] = [random() * width, random() * height];
    const value = random() * 255;
    for (let y = Math.floor(y0); y < Math.min(height, y0 + h); y++) {
      for (let x = Math.floor(x0); x < Math.min(width, x0 + w); x++) data[y * width + x] = value;
    }
  }
  const blurred = blur({ data, width, height }, 0.8);
  for (let i = 0; i < blurred.data.length; i++) blurred.data[i] = blurred.data[i]! + gaussian(random) * 8;
  return blurred;
}

export function toRgba(image: Gray): RgbaImage {
  const data = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0; i < image.data.length; i++) {
    const value = image.data[i]!;
    data[4 * i] = data[4 * i + 1] = data[4 * i + 2] = value;
    data[4 * i + 3] = 255;
  }
  return { data, width: image.width, height: image.height };
}

type Homography = readonly number[];

/** The 3×3 projective map (h33 = 1) taking the four `from` points onto the four `to` points. */
function homography(from: readonly [number, number][], to: readonly [number, number][]): Homography {
  const rows: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let pivot = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(rows[r]![c]!) > Math.abs(rows[pivot]![c]!)) pivot = r;
    [rows[c], rows[pivot]] = [rows[pivot]!, rows[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = rows[r]![c]! / rows[c]![c]!;
      for (let k = c; k < 9; k++) rows[r]![k]! -= f * rows[c]![k]!;
    }
  }
  return [...rows.map((row, i) => row[8]! / row[i]!), 1];
}
