/**
 * What reading a picked file costs the sending page (`npm run bench:read`): a READ_MIB (128) MiB
 * file on disk is picked through an <input type=file>, then read whole, in several ways, each
 * touching every byte once as the sender's hash does; prints wall time and CPU time of all
 * Chromium processes. REPEAT (2) rounds, alternating.
 *   arrayBuffer N   file.slice(at, at + N).arrayBuffer(), one window at a time
 *   stream          file.stream() read to the end, in the chunks it gives
 *   stream BYOB     file.stream() read with a BYOB reader into one 256 KiB buffer (the sender's way)
 */
import { randomFile } from '../test/support/inputs/random-file.ts';
import { launchChromium, newDevice } from '../test/support/launch/chromium.ts';
import { buildAndServe } from '../test/support/serve/built-page.ts';
import { chromiumCpuSeconds } from './chromium-cpu.ts';

const KiB = 1024;
const MiB = 1024 * KiB;
const FILE_BYTES = Number(process.env['READ_MIB'] ?? 128) * MiB;
const REPEAT = Number(process.env['REPEAT'] ?? 2);
const WAYS: readonly number[] = [4 * MiB, MiB, 512 * KiB, 256 * KiB, 0, -1]; // 0: stream(), -1: BYOB

const { url, server } = await buildAndServe('/bench/');
const browser = await launchChromium();
const page = await (await newDevice(browser)).newPage();
await page.goto(url);
await page.evaluate(() => {
  const input = Object.assign(document.createElement('input'), { type: 'file', id: 'bench-file' });
  document.body.append(input);
});
await page.setInputFiles('#bench-file', randomFile('bench-read.bin', FILE_BYTES));

console.log(`${browser.version()}: reading a ${FILE_BYTES / MiB} MiB picked file; CPU = all Chromium processes`);
for (let round = 0; round < REPEAT; round++) {
  for (const windowBytes of WAYS) {
    const before = chromiumCpuSeconds();
    const { ms, checksum } = await page.evaluate(async (windowBytes) => {
      const file = (document.getElementById('bench-file') as HTMLInputElement).files![0]!;
      const started = performance.now();
      let checksum = 0;
      if (windowBytes > 0) {
        for (let at = 0; at < file.size; at += windowBytes) {
          const bytes = new Uint8Array(await file.slice(at, at + windowBytes).arrayBuffer());
          checksum = (checksum + bytes[0]! + bytes[bytes.length - 1]!) >>> 0;
        }
      } else if (windowBytes < 0) {
        const reader = file.stream().getReader({ mode: 'byob' });
        let buffer = new Uint8Array(256 * 1024);
        for (let next = await reader.read(buffer); !next.done; next = await reader.read(buffer)) {
          checksum = (checksum + next.value[0]! + next.value[next.value.length - 1]!) >>> 0;
          buffer = new Uint8Array(next.value.buffer); // the read transferred it
        }
      } else {
        const reader = file.stream().getReader();
        for (let next = await reader.read(); !next.done; next = await reader.read()) {
          checksum = (checksum + next.value[0]! + next.value[next.value.length - 1]!) >>> 0;
        }
      }
      return { ms: performance.now() - started, checksum };
    }, windowBytes);
    const cpu = chromiumCpuSeconds() - before;
    const way = windowBytes > 0 ? `arrayBuffer ${windowBytes >= MiB ? `${windowBytes / MiB} MiB` : `${windowBytes / KiB} KiB`}` : windowBytes < 0 ? 'stream BYOB' : 'stream';
    console.log(`  ${way.padEnd(18)} ${(ms / 1000).toFixed(2).padStart(5)} s wall  ${cpu.toFixed(2).padStart(5)} CPU-s  ${((FILE_BYTES / 1e6) / (ms / 1000)).toFixed(0).padStart(5)} MB/s  (checksum ${checksum})`);
  }
}
await browser.close();
server.close();
