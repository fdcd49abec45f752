/**
 * What saving received bytes costs the browser (`npm run bench:sink`): one page writes SINK_MIB
 * (128) MiB in frame-sized chunks (262131 B) through each way the app can save, in an incognito
 * context and in a normal on-disk profile, and prints the wall time and the CPU time of all of
 * Chromium's processes (from /proc), which includes the browser process where the bytes end up.
 *   worker    the app's opfs-worker.ts (built asset), chunks in batches of 1 MiB or more per
 *             message as BatchingSink sends them, buffers transferred
 *   writable  OPFS createWritable(), 1 MiB per write() as opfs-sink.ts does
 *   blobparts Blob parts of 4 MiB, then one Blob, as blob-parts-sink.ts does
 * REPEAT (2) rounds of each, alternating.
 */
import { readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { tempDirForThisProcess } from '../test/support/inputs/temp-dir.ts';
import { launchChromium, launchChromiumProfile, newDevice } from '../test/support/launch/chromium.ts';
import { buildAndServe } from '../test/support/serve/built-page.ts';
import { chromiumCpuSeconds } from './chromium-cpu.ts';

const MiB = 1024 * 1024;
const TOTAL_BYTES = Number(process.env['SINK_MIB'] ?? 128) * MiB;
const REPEAT = Number(process.env['REPEAT'] ?? 2);
const SINKS = ['worker', 'writable', 'blobparts'] as const;

const { url, server, dist } = await buildAndServe('/bench/');
const workerAsset = readdirSync(resolve(dist, 'assets')).find((file) => /^opfs-worker-.*\.js$/.test(file));
if (!workerAsset) throw new Error('no opfs-worker asset in dist/assets');

console.log(`${TOTAL_BYTES / MiB} MiB in 262131 B chunks; CPU = all Chromium processes, incl. 1 s after the last write`);
for (const mode of ['incognito', 'on-disk profile'] as const) {
  const profileDir = tempDirForThisProcess('bench-sink-'); // also deleted if the bench fails midway
  const browser = mode === 'incognito' ? await launchChromium() : undefined;
  const context: BrowserContext = browser ? await newDevice(browser) : await launchChromiumProfile(profileDir);
  // tsx wraps named inner functions of writeThrough in __name(); the page gets a no-op one.
  await context.addInitScript('globalThis.__name = (target) => target');
  const page = await context.newPage();
  await page.goto(url);
  const idleBefore = chromiumCpuSeconds();
  await new Promise((done) => setTimeout(done, 1000));
  console.log(`${mode}: idle ${(chromiumCpuSeconds() - idleBefore).toFixed(2)} CPU-s per second`);
  for (let round = 0; round < REPEAT; round++) {
    for (const sink of SINKS) {
      const before = chromiumCpuSeconds();
      const ms = await page.evaluate(writeThrough, { sink, workerUrl: `${url}assets/${workerAsset}`, total: TOTAL_BYTES });
      await new Promise((done) => setTimeout(done, 1000));
      const cpu = chromiumCpuSeconds() - before;
      console.log(`  ${sink.padEnd(9)}  ${(ms / 1000).toFixed(2).padStart(5)} s wall  ${cpu.toFixed(2).padStart(5)} CPU-s`);
    }
  }
  await (browser ?? context).close();
  rmSync(profileDir, { recursive: true, force: true });
}
server.close();

/** Runs in the page. */
async function writeThrough({ sink, workerUrl, total }: { sink: (typeof SINKS)[number]; workerUrl: string; total: number }): Promise<number> {
  const chunkBytes = 262_131;
  const source = new Uint8Array(chunkBytes);
  crypto.getRandomValues(source.subarray(0, 65_536));
  const name = `bench-${Math.random()}`;
  const started = performance.now();
  if (sink === 'worker') {
    const worker = new Worker(workerUrl, { type: 'module' });
    const replies: ((ok: boolean) => void)[] = [];
    worker.onmessage = ({ data }) => replies.shift()?.((data as { ok: boolean }).ok);
    const request = (message: object, transfer: Transferable[] = []) =>
      new Promise<boolean>((done) => {
        replies.push(done);
        worker.postMessage(message, transfer);
      });
    await request({ op: 'open', folder: 'bench', name });
    let chunks: Uint8Array<ArrayBuffer>[] = [];
    for (let at = 0; at < total; at += chunkBytes) {
      chunks.push(source.slice());
      if (chunks.length * chunkBytes < 1024 * 1024 && at + chunkBytes < total) continue;
      if (!(await request({ op: 'write', chunks }, chunks.map((chunk) => chunk.buffer)))) throw new Error('write failed');
      chunks = [];
    }
    await request({ op: 'close' });
    worker.terminate();
  } else if (sink === 'writable') {
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('bench', { create: true });
    const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
    let pending: Uint8Array<ArrayBuffer>[] = [];
    let pendingBytes = 0;
    for (let at = 0; at < total || pendingBytes > 0; at += chunkBytes) {
      if (at < total) pending.push(source.slice());
      pendingBytes += at < total ? chunkBytes : 0;
      if (pendingBytes >= 1024 * 1024 || at >= total) {
        const joined = new Uint8Array(pendingBytes);
        pending.reduce((offset, part) => (joined.set(part, offset), offset + part.byteLength), 0);
        [pending, pendingBytes] = [[], 0];
        await writable.write(joined);
      }
    }
    await writable.close();
  } else {
    const parts: Blob[] = [];
    let pending: Uint8Array<ArrayBuffer>[] = [];
    let pendingBytes = 0;
    for (let at = 0; at < total; at += chunkBytes) {
      pending.push(source.slice());
      pendingBytes += chunkBytes;
      if (pendingBytes >= 4 * 1024 * 1024) {
        parts.push(new Blob(pending));
        [pending, pendingBytes] = [[], 0];
        await Promise.resolve();
      }
    }
    Object.assign(window, { keptBlob: new Blob([...parts, new Blob(pending)]) });
  }
  return performance.now() - started;
}
