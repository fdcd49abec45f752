/**
 * npm run bench:paste — how long decoding takes for the worst text a paste, link or QR code can
 * hand the codec: past the length limit (refused by its length), and the longest inputs under it
 * (read to the end). Median and worst of RUNS=n runs (default 15), compactCodec in Node.
 */
import { MAX_BLOB_CHARS, MAX_INPUT_CHARS } from '../src/core/signal/index.ts';
import { compactCodec } from '../src/core/signal/compact-codec.ts';
import { toBase41 } from '../src/core/signal/internal/base41.ts';

const RUNS = Number(process.env['RUNS'] ?? 15);
const TEN_MB = 10 * 1024 * 1024;

/** Base41 text of `chars` characters that starts like a version-3 blob, so it is read to the end. */
function blobLike(chars: number, lower = false): string {
  const bytes = Uint8Array.from({ length: Math.floor((chars / 3) * 2) }, (_, i) => (i === 0 ? 0x31 : (i * 131 + 7) & 0xff));
  const text = toBase41(bytes).slice(0, chars);
  return lower ? text.toLowerCase() : text;
}

const inputs: readonly [string, string][] = [
  ['10 MB of base41 (past the limit)', '7'.repeat(TEN_MB)],
  ['10 MB link (past the limit)', `https://example.org/#${'q'.repeat(TEN_MB)}`],
  [`longest blob text, ${MAX_BLOB_CHARS} chars, damaged`, blobLike(MAX_BLOB_CHARS)],
  [`the same in lower case`, blobLike(MAX_BLOB_CHARS, true)],
  [`longest input, ${MAX_INPUT_CHARS} chars, line-wrapped link`, `https://example.org/#${blobLike(MAX_BLOB_CHARS).replace(/./g, '$&\n')}`.slice(0, MAX_INPUT_CHARS)],
];

console.log('| input | result | median ms | worst ms |');
console.log('|---|---|--:|--:|');
for (const [name, text] of inputs) {
  const times: number[] = [];
  let code = '';
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const result = compactCodec.decode(text);
    times.push(performance.now() - started);
    code = result.ok ? 'ok' : result.error.code;
  }
  times.sort((a, b) => a - b);
  console.log(`| ${name} | ${code} | ${times[Math.floor(RUNS / 2)]!.toFixed(2)} | ${times.at(-1)!.toFixed(2)} |`);
}
