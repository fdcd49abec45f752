/**
 * QR sizes of real offers and answers, how reliably jsqr reads them from degraded "photos", and
 * how long one camera frame takes to decode (run through `npm run bench:qr`; TRIALS=n sets the
 * images per sample and setting, default 100; ONLY=sizes|photos|frames runs one section).
 */
import { readFileSync } from 'node:fs';
import type { QRCodeErrorCorrectionLevel, QRCodeSegment } from 'qrcode';
import { SECOND_LOOKS } from '../src/core/qr/image-views.ts';
import { decodeQr, type DecodeOptions } from '../src/core/qr/qr-decode.ts';
import { isQrAlphanumeric, linkFor, qrSegmentsFor } from '../src/core/qr/qr-link.ts';
import { qrMatrixFor, type QrMatrix } from '../src/core/qr/qr-matrix.ts';
import { centralSquare, cropAndScale, wholeFrame, type ScanRegion } from '../src/core/qr/scan-region.ts';
import type { SignalKind } from '../src/core/signal/index.ts';
import { compactCodec as codec } from '../src/core/signal/compact-codec.ts'; // or: deflateCodec as codec from baselines/deflate-codec.ts
import { photograph, scene, seededRandom, toRgba, type Gray, type Photo, type Random } from './qr-image.ts';

const TRIALS = Number(process.env['TRIALS'] ?? 100);
/** The level docs/qr.md recommends (measured below against L and Q at the same printed size). */
const RECOMMENDED: QRCodeErrorCorrectionLevel = 'M';
const PAGE = 'https://example.github.io/p2p-direct/';
const DIR = new URL('../test/fixtures/sdp/', import.meta.url);

interface Sample {
  readonly file: string;
  readonly kind: SignalKind;
  readonly media: string;
  readonly blob: string;
  readonly link: string;
}

type CorpusIndex = { files: { file: string; kind: SignalKind; media: string }[] };
const index = JSON.parse(readFileSync(new URL('index.json', DIR), 'utf8')) as CorpusIndex;
const samples: Sample[] = index.files.map(({ file, kind, media }) => {
  const blob = codec.encode({ kind, sdp: readFileSync(new URL(file, DIR), 'utf8') });
  return { file: file.replace(/\.sdp$/, ''), kind, media, blob, link: linkFor(PAGE, blob) };
});
const dataOffers = samples.filter((s) => s.kind === 'offer' && s.media === 'data-only');

function matrix(input: string | QRCodeSegment[], level: QRCodeErrorCorrectionLevel): QrMatrix {
  const result = qrMatrixFor(input, level);
  if (!result.ok) throw new Error('too long for a QR code');
  return result.value;
}

/** Data bits of segments in versions 10–26 (mode indicator, character count, payload). */
function segmentBits(segments: QRCodeSegment[]): number {
  return segments.reduce((bits, { mode, data }) => {
    if (mode === 'alphanumeric') return bits + 4 + 11 + 11 * Math.floor(data.length / 2) + 6 * (data.length % 2);
    if (mode === 'byte') return bits + 4 + 16 + 8 * data.length;
    throw new Error(`unexpected mode ${String(mode)}`);
  }, 0);
}

/** The origin upper-cased into its own alphanumeric segment (host and scheme ignore case). */
function upperOriginSegments(link: string): QRCodeSegment[] {
  const url = new URL(link);
  const origin = `${url.protocol}//${url.host}/`.toUpperCase();
  const rest = qrSegmentsFor(link.slice(origin.length));
  return [{ mode: 'alphanumeric', data: origin }, ...rest];
}

const pct = (ok: number, all: number) => `${((100 * ok) / all).toFixed(1)} %`.padStart(7);
const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** A phone photo of a screen: ±5° rotation, corners off by ≤ 1 % (keystone), σ 1 px blur, noise, contrast loss. */
function phonePhoto(pxPerModule: number, random: Random): Photo {
  return {
    pxPerModule,
    quietModules: 4,
    rotationDeg: (random() * 2 - 1) * 5,
    perspective: 0.01,
    blurSigma: 1,
    noiseSigma: 15,
    dark: 30 + random() * 40,
    light: 170 + random() * 60,
  };
}

interface Tally {
  ok: number;
  all: number;
  times: number[];
}

interface TrialOptions {
  readonly seed: number;
  readonly decode?: DecodeOptions;
  readonly glare?: number;
  readonly edit?: (photo: Gray) => Gray;
}

function trials(code: QrMatrix, expected: string, pxPerModule: number, { seed, decode, glare, edit }: TrialOptions): Tally {
  const random = seededRandom(seed);
  const tally: Tally = { ok: 0, all: 0, times: [] };
  for (let t = 0; t < TRIALS; t++) {
    const photo = photograph(code, { ...phonePhoto(pxPerModule, random), glare: glare ?? 0 }, random);
    const image = toRgba(edit ? edit(photo) : photo);
    const started = performance.now();
    const text = decodeQr(image, decode);
    tally.times.push(performance.now() - started);
    tally.all++;
    if (text === expected) tally.ok++;
  }
  return tally;
}

function merge(tallies: Tally[]): Tally {
  const sum = (pick: (t: Tally) => number) => tallies.reduce((total, t) => total + pick(t), 0);
  return { ok: sum((t) => t.ok), all: sum((t) => t.all), times: tallies.flatMap((t) => t.times) };
}

function report(label: string, tallies: Tally[]): void {
  const all = merge(tallies);
  const worst = Math.min(...tallies.map((t) => t.ok / t.all));
  const times = `decode median ${ms(quantile(all.times, 0.5))}, p95 ${ms(quantile(all.times, 0.95))}`;
  console.log(`${label.padEnd(52)} ${pct(all.ok, all.all)}  worst sample ${pct(worst, 1)}  ${times}`);
}

const linkCode = (sample: Sample, level: QRCodeErrorCorrectionLevel) => matrix(qrSegmentsFor(sample.link), level);

function fmt(input: string | QRCodeSegment[], level: QRCodeErrorCorrectionLevel): string {
  const result = qrMatrixFor(input, level);
  return result.ok ? `${result.value.version}/${result.value.size}` : '-';
}

function sizes(): void {
  const alphanumeric = samples.every((s) => isQrAlphanumeric(s.blob)) ? '' : 'not all ';
  console.log(`QR codes for the corpus (${samples.length} descriptions); blobs are ${alphanumeric}QR-alphanumeric; link = ${PAGE}#<blob>`);
  console.log('version/modules per side; link = qrSegmentsFor (byte URL + alphanumeric blob);');
  console.log("auto = qrcode's own segmentation of the link string; ORIGIN = scheme and host upper-cased into an alphanumeric segment\n");
  const headings = ['blob M', 'link M', 'link L', 'link Q', 'auto M', 'ORIGIN M'];
  console.log(`${'sample'.padEnd(40)} ${'chars'.padStart(5)}  ${headings.map((h) => h.padStart(9)).join('')}`);
  let originSaved = 0;
  let originChanges = 0;
  for (const s of samples) {
    const segments = qrSegmentsFor(s.link);
    const upper = upperOriginSegments(s.link);
    const row = [fmt(s.blob, 'M'), fmt(segments, 'M'), fmt(segments, 'L'), fmt(segments, 'Q'), fmt(s.link, 'M'), fmt(upper, 'M')];
    console.log(`${s.file.padEnd(40)} ${String(s.blob.length).padStart(5)}  ${row.map((v) => v.padStart(9)).join('')}`);
    originSaved = segmentBits(segments) - segmentBits(upper);
    if (row[1] !== row[5]) originChanges++;
  }
  console.log(
    `\nUpper-casing the origin saves ${originSaved} bits (${(originSaved / 8).toFixed(1)} bytes) of data ` +
      `and changes the level-M version of ${originChanges} of ${samples.length} links.`,
  );
}

function photos(): void {
  console.log(`\nDecoding the link QR of the ${dataOffers.length} data-only offers from degraded photos, ${TRIALS} trials per sample and setting`);
  console.log('(±5° rotation, ≤ 1 % keystone per corner, gaussian blur σ 1 px, gaussian noise σ 15 levels, dark 30–70 / light 170–230)\n');
  for (const level of new Set(['M', RECOMMENDED] as const)) {
    for (const ppm of [3.5, 4, 5]) {
      report(`level ${level}, ${ppm} px/module`, dataOffers.map((s, i) => trials(linkCode(s, level), s.link, ppm, { seed: 1000 * ppm + i })));
    }
  }
  const some = dataOffers.filter((_, i) => i % 3 === 0);
  for (const smooth of [true, false]) {
    const firstLook = some.map((s, i) => trials(linkCode(s, 'M'), s.link, 4, { seed: 4000 + i, decode: { smooth, secondLooks: [] } }));
    report(`level M, 4 px/module, first look only, ${smooth ? '' : 'not '}smoothed (${some.length} offers)`, firstLook);
  }

  console.log(`\nSame printed size, ${some.length} offers: each level drawn into the width the level-M code has at 4 (or 3.5) px/module\n`);
  for (const [budget, glare] of [[4, 0], [3.5, 0], [4, 0.05]] as const) {
    for (const level of ['L', 'M', 'Q'] as const) {
      const tallies = some.map((s, i) => {
        const widthPx = (linkCode(s, 'M').size + 8) * budget;
        const code = linkCode(s, level);
        return trials(code, s.link, widthPx / (code.size + 8), { seed: 7000 + i, glare });
      });
      report(`M-width at ${budget} px/module${glare ? `, ${glare * 100} % glare` : ''}, level ${level}`, tallies);
    }
  }

  console.log('\nDark-mode screens: the code inverted (level M, 4 px/module, 2 offers)\n');
  const invert = (g: Gray): Gray => ({ ...g, data: g.data.map((v) => 255 - v) });
  for (const polarity of ['normal', 'inverted', 'both'] as const) {
    const tallies = some.slice(0, 2).map((s, i) => trials(linkCode(s, 'M'), s.link, 4, { seed: 9000 + i, decode: { polarity }, edit: invert }));
    report(`polarity '${polarity}'`, tallies);
  }
}

function frames(): void {
  console.log('\nOne decode of a camera frame: a busy screen scene (boxes of random grey, blur, noise σ 8), 40 frames;');
  console.log('CPU time of this process (robust to other load on the machine) and wall time, median / p95\n');
  const FRAMES = 40;
  const random = seededRandom(42);
  const code = linkCode(dataOffers[0]!, 'M');
  // Let V8 optimise jsqr and the smoothing first, as in a scanner that has run for a second.
  for (let i = 0; i < 10; i++) decodeQr(toRgba(scene(640, 480, random)), { secondLooks: [] });

  function time(label: string, make: () => Gray, options: DecodeOptions, region?: (w: number, h: number) => ScanRegion): void {
    const [cpu, wall]: number[][] = [[], []];
    let found = 0;
    for (let f = 0; f < FRAMES; f++) {
      const gray = make();
      // Browsers crop and scale with drawImage(), natively; here it happens before the clock starts.
      const image = region ? cropAndScale(toRgba(gray), region(gray.width, gray.height)) : toRgba(gray);
      const [cpuStart, wallStart] = [process.cpuUsage(), performance.now()];
      if (decodeQr(image, options) !== undefined) found++;
      wall.push(performance.now() - wallStart);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
    }
    const both = (values: number[]) => `${ms(quantile(values, 0.5))} / ${ms(quantile(values, 0.95))}`.padStart(19);
    console.log(`${label.padEnd(66)} cpu ${both(cpu)}   wall ${both(wall)}   found ${String(found).padStart(2)}/${FRAMES}`);
  }

  const withCode = (w: number, h: number) => () =>
    photograph(code, { ...phonePhoto(4, random), frameWidth: w, frameHeight: h }, random, scene(w, h, random));
  const empty = (w: number, h: number) => () => scene(w, h, random);
  // What the scanner does with one frame: the first look and at most one second look (qr-scanner.ts).
  const first: DecodeOptions = { secondLooks: [] };
  time('640×480, no code, first look', empty(640, 480), first);
  for (const look of SECOND_LOOKS) {
    const name = 'shiftPx' in look ? `shifted ${look.shiftPx} px` : `scaled ${look.scale}×`;
    time(`640×480, no code, first look + ${name}`, empty(640, 480), { secondLooks: [look] });
  }
  time('640×480, no code, first look + all second looks (a still image)', empty(640, 480), {});
  time(`640×480, code (v${code.version}) at 4 px/module, first look`, withCode(640, 480), first);
  time(`640×480, code (v${code.version}) at 4 px/module, all looks`, withCode(640, 480), {});
  time('640×480, no code, first look, polarity both', empty(640, 480), { ...first, polarity: 'both' });
  time('640×480, no code, first look, not smoothed', empty(640, 480), { ...first, smooth: false });
  time('1280×720 whole, no code, first look', empty(1280, 720), first);
  time('1280×720 → central 720² scaled to 640², no code, first look', empty(1280, 720), first, (w, h) => centralSquare(w, h, 640));
  time('1280×720 → whole frame scaled to 640×360, no code, first look', empty(1280, 720), first, (w, h) => wholeFrame(w, h, 640));
  for (const side of [400, 320, 240]) {
    time(`1280×720 → central ${side}² (main-thread sizes), no code, first look`, empty(1280, 720), first, (w, h) => centralSquare(w, h, side));
  }
}

/** ONLY=sizes|photos|frames runs one section. */
const sections: Record<string, () => void> = { sizes, photos, frames };
for (const [name, run] of Object.entries(sections)) if (process.env['ONLY'] === undefined || process.env['ONLY'] === name) run();
