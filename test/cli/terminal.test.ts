import { describe, expect, it } from 'vitest';
import { compactCodec } from '../../src/core/signal/compact-codec.ts';
import { decodeQr, type RgbaImage } from '../../src/core/qr/qr-decode.ts';
import { qrForTerminal } from '../../src/cli/terminal/offer-display.ts';
import { formatBytes, formatDuration, formatRate, progressText } from '../../src/cli/terminal/progress-text.ts';
import { TerminalOutput } from '../../src/cli/terminal/terminal-output.ts';
import { sdpCorpus } from '../core/signal/sdp-corpus.ts';

/** What a camera sees of the terminal: each character cell as 2 × 2 pixels per module half, light where not dark. */
function photographed(drawing: string, pixelsPerModule = 4): RgbaImage {
  const rows = drawing.split('\n').map((line) => [...line.replace(/\x1b\[[0-9;]*m/g, '')]);
  const modules: boolean[][] = [];
  for (const row of rows) {
    modules.push(row.map((cell) => cell === '▀' || cell === '█'));
    modules.push(row.map((cell) => cell === '▄' || cell === '█'));
  }
  const width = modules[0]!.length * pixelsPerModule;
  const height = modules.length * pixelsPerModule;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const value = modules[Math.floor(y / pixelsPerModule)]![Math.floor(x / pixelsPerModule)] ? 0 : 255;
      data.set([value, value, value, 255], (y * width + x) * 4);
    }
  }
  return { data, width, height };
}

describe('the QR code drawn in the terminal', () => {
  const sample = sdpCorpus().find((entry) => entry.kind === 'offer' && entry.dataOnly)!;
  const code = compactCodec.encode({ kind: 'offer', sdp: sample.sdp });

  it('scans back to the bare code', () => {
    expect(decodeQr(photographed(qrForTerminal(code, undefined)))).toBe(code);
  });

  it('scans back to the link when a page is given', () => {
    const page = 'https://example.github.io/p2p-direct/';
    expect(decodeQr(photographed(qrForTerminal(code, page)))).toBe(`${page}#${code}`);
  });
});

describe('progress words', () => {
  it('sizes in binary units, speeds in MB/s, times as m:ss', () => {
    expect([formatBytes(0), formatBytes(1536), formatBytes(50 * 1024 * 1024), formatBytes(3.5 * 1024 ** 3)]).toEqual(['0 B', '1.50 KiB', '50.0 MiB', '3.50 GiB']);
    expect(formatRate(14_200_000)).toBe('14.2 MB/s');
    expect([formatDuration(undefined), formatDuration(5), formatDuration(65), formatDuration(3725)]).toEqual(['--:--', '0:05', '1:05', '1:02:05']);
    expect(progressText({ bytesDone: 12 * 1024 * 1024, total: 48 * 1024 * 1024, bytesPerSecond: 2e6, secondsLeft: 18 })).toBe('12.0 MiB of 48.0 MiB (25%)  2.0 MB/s  0:18 left');
  });
});

describe('TerminalOutput', () => {
  const sink = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, stream: { isTTY, columns: 40, write: (text: string) => written.push(text) } };
  };

  it('on a terminal, redraws one status line and keeps the final one', () => {
    const out = sink(true);
    const terminal = new TerminalOutput(out.stream, out.stream);
    terminal.status('1%');
    terminal.status('2%');
    terminal.status('done', true);
    terminal.say('next');
    expect(out.written.join('')).toBe('\r\x1b[2K1%\r\x1b[2K2%\r\x1b[2Kdone\nnext\n');
  });

  it('on a pipe, prints a status at most every 2 s, and the final one always', () => {
    const out = sink(false);
    let now = 0;
    const plain = new TerminalOutput(out.stream, out.stream, () => now);
    for (now = 0; now <= 5_000; now += 250) plain.status(`at ${now}`);
    plain.status('done', true);
    expect(out.written).toEqual(['at 0\n', 'at 2000\n', 'at 4000\n', 'done\n']);
  });
});
