import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { tempDirForThisProcess } from './temp-dir.ts';

/**
 * A fake camera that films a given picture. Chromium plays a Y4M file as its camera when
 * launched with these flags (only at launch: one file per browser):
 *
 *   --use-fake-device-for-media-stream --use-file-for-fake-video-capture=/path/file.y4m
 *
 * So a scan test screenshots the QR code on one browser, writes it here, and launches the
 * scanning browser with fakeCameraArgs(path).
 */
export function fakeCameraArgs(y4mPath: string): string[] {
  return ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4mPath}`];
}

export interface Y4mOptions {
  /** Frame size (made even, as 4:2:0 needs); default 640×480, or the picture's size if larger. */
  readonly width?: number;
  readonly height?: number;
  /** Whole-pixel enlargement (nearest neighbour keeps module edges sharp); default 1. */
  readonly scale?: number;
  /** Identical frames in the file; Chromium loops it, so one would do. Default 3. */
  readonly frames?: number;
  readonly fps?: number;
}

/**
 * A PNG (e.g. from Playwright's `locator.screenshot()`) centred on a white frame, as YUV4MPEG2
 * 4:2:0 with BT.601 studio-range values, which is what Chromium's capture pipeline assumes for
 * I420. Transparent pixels are composited over white.
 */
export function pngToY4m(png: Buffer, options: Y4mOptions = {}): Buffer {
  const picture = PNG.sync.read(png);
  const scale = Math.max(1, Math.floor(options.scale ?? 1));
  const even = (n: number) => Math.ceil(n / 2) * 2;
  const width = even(options.width ?? Math.max(640, picture.width * scale));
  const height = even(options.height ?? Math.max(480, picture.height * scale));
  const [left, top] = [Math.floor((width - picture.width * scale) / 2), Math.floor((height - picture.height * scale) / 2)];

  const rgb = new Uint8Array(width * height * 3).fill(255);
  for (let y = 0; y < height; y++) {
    const py = Math.floor((y - top) / scale);
    if (py < 0 || py >= picture.height) continue;
    for (let x = 0; x < width; x++) {
      const px = Math.floor((x - left) / scale);
      if (px < 0 || px >= picture.width) continue;
      const i = 4 * (py * picture.width + px);
      const alpha = picture.data[i + 3]! / 255;
      for (let c = 0; c < 3; c++) rgb[3 * (y * width + x) + c] = Math.round(picture.data[i + c]! * alpha + 255 * (1 - alpha));
    }
  }

  const frame = new Uint8Array(width * height * 1.5);
  const quarter = (width / 2) * (height / 2);
  for (let i = 0; i < width * height; i++) frame[i] = 16 + 0.257 * rgb[3 * i]! + 0.504 * rgb[3 * i + 1]! + 0.098 * rgb[3 * i + 2]!;
  for (let y = 0; y < height / 2; y++) {
    for (let x = 0; x < width / 2; x++) {
      const [r, g, b] = [0, 1, 2].map((c) => {
        const at = (dy: number, dx: number) => rgb[3 * ((2 * y + dy) * width + 2 * x + dx) + c]!;
        return (at(0, 0) + at(0, 1) + at(1, 0) + at(1, 1)) / 4;
      }) as [number, number, number];
      const o = width * height + y * (width / 2) + x;
      frame[o] = Math.round(128 - 0.148 * r - 0.291 * g + 0.439 * b);
      frame[o + quarter] = Math.round(128 + 0.439 * r - 0.368 * g - 0.071 * b);
    }
  }

  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${options.fps ?? 30}:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const frames = Array.from({ length: Math.max(1, options.frames ?? 3) }, () => [Buffer.from('FRAME\n', 'ascii'), frame]).flat();
  return Buffer.concat([header, ...frames]);
}

/** Writes the Y4M to a fresh temporary directory and returns its path. */
export function writeFakeCamera(png: Buffer, options: Y4mOptions = {}): string {
  const path = join(tempDirForThisProcess('p2p-fake-camera-'), 'camera.y4m');
  writeFileSync(path, pngToY4m(png, options));
  return path;
}
