/**
 * File transfer throughput between two Chromium pages in the private network namespace
 * (`npm run bench:transfer`): first the raw channel at 16, 64 and 256 KiB messages; then, in
 * rounds whose order alternates, (a) a raw data-channel blast of the same number of bytes with
 * the app's message size and water marks, (a′) the same blast reading its bytes from a Blob as
 * our sender reads a File, (b) our transfer through the UI including SHA-256 on both sides and
 * writing to OPFS; then b/a, as the ratio of the medians and as the median of each round's own
 * ratio. Each round also says how busy the machine's cores were. Both connections first carry
 * the same untimed load. Then the receiver's peak JS heap during a larger transfer. TRACE=1 adds,
 * per run, the rate in each quarter of the bytes, gaps without progress, and the CPU time of
 * Chromium's busiest threads. THROUGHPUT_MIB (256), REPEAT (6), SWEEP_MIB (64) and HEAP_MIB
 * (512; 0 skips) set sizes.
 * Both pages share one normal on-disk profile, as a user's browser has; INCOGNITO=1 puts each in
 * its own incognito context instead, where OPFS is kept in the browser's memory (bench:sink).
 */
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { chromiumThreadCpuSeconds, machineCpuSeconds } from './chromium-cpu.ts';
import { resolveSendTuning } from '../src/core/transfer/flow-control.ts';
import { FRAME_HEADER_BYTES } from '../src/core/transfer/frames.ts';
import { randomFile } from '../test/support/inputs/random-file.ts';
import { tempDirForThisProcess } from '../test/support/inputs/temp-dir.ts';
import { launchChromium, launchChromiumProfile, newDevice } from '../test/support/launch/chromium.ts';
import { setNetworkShape } from '../test/support/launch/network.ts';
import { PeerPage } from '../test/support/page/peer-page.ts';
import { buildAndServe } from '../test/support/serve/built-page.ts';

const MiB = 1024 * 1024;
const THROUGHPUT_BYTES = Number(process.env['THROUGHPUT_MIB'] ?? 256) * MiB;
const HEAP_BYTES = Number(process.env['HEAP_MIB'] ?? 512) * MiB;
const SWEEP_BYTES = Number(process.env['SWEEP_MIB'] ?? 64) * MiB;
const REPEAT = Number(process.env['REPEAT'] ?? 6);
const TRACE = process.env['TRACE'] === '1';
/** 16 KiB interoperates everywhere; 256 KiB is Chromium's a=max-message-size. */
const SWEEP_MESSAGE_BYTES = [16 * 1024, 64 * 1024, 256 * 1024];
/** What our sender uses between two Chromium pages (flow-control.ts), with the same code. */
const CHROMIUM_MAX_MESSAGE_SIZE = 262_144;
const APP_CHUNK_BYTES = resolveSendTuning({}, CHROMIUM_MAX_MESSAGE_SIZE).chunkBytes;
const APP_MESSAGE_BYTES = APP_CHUNK_BYTES + FRAME_HEADER_BYTES;

setNetworkShape('lan-deadgw');
const { url, server } = await buildAndServe('/bench/');
const INCOGNITO = process.env['INCOGNITO'] === '1';
const profileDir = tempDirForThisProcess('bench-transfer-');
const browser = INCOGNITO ? await launchChromium() : undefined;
const profile = INCOGNITO ? undefined : await launchChromiumProfile(profileDir);
const [a, b] = [await openPeer(), await openPeer()];
await a.connectTo(b);
await b.files.alwaysAccept();

const { product } = await (await a.page.context().newCDPSession(a.page)).send('Browser.getVersion');
console.log(`${product}, ${INCOGNITO ? 'two incognito contexts' : 'one on-disk profile'}`);
// An SCTP association's first bulk transfer stalls here for seconds in all (TRACE=1 shows the
// gaps), later ones seldom do. Both connections first carry the same untimed load, so that every
// timed run below is on a warm one; the app's connection is long-lived, the raw one is reused.
await openRawChannel(a.page, b.page);
const warmRaw = await rawBlast(a.page, b.page, SWEEP_BYTES, APP_MESSAGE_BYTES);
const warmOurs = await ourTransfer(randomFile('warm-up.bin', SWEEP_BYTES));
console.log(`warm-up, ${SWEEP_BYTES / MiB} MiB each: raw ${(SWEEP_BYTES / 1e6 / warmRaw).toFixed(1)} MB/s, ours ${(SWEEP_BYTES / 1e6 / warmOurs).toFixed(1)} MB/s`);
console.log(`raw data-channel blast by message size, ${SWEEP_BYTES / MiB} MiB each:`);
const sweep: [number, number][] = [];
for (const messageBytes of SWEEP_MESSAGE_BYTES) {
  const seconds = await rawBlast(a.page, b.page, SWEEP_BYTES, messageBytes);
  sweep.push([messageBytes, seconds]);
  console.log(`  ${String(messageBytes / 1024).padStart(4)} KiB  ${(SWEEP_BYTES / 1e6 / seconds).toFixed(1).padStart(5)} MB/s`);
}
const fastest = sweep.reduce((best, next) => (next[1] < best[1] ? next : best))[0];
console.log(`fastest: ${fastest / 1024} KiB; the app sends ${APP_MESSAGE_BYTES} B messages (${APP_CHUNK_BYTES} B of file + ${FRAME_HEADER_BYTES} B header)\n`);

// Runs of the same code here differ by up to a fifth, and the machine has slow spells that last
// a run or more (docs/benchmarks.md). So one run of each says little: the rounds alternate their
// order, (a) (a′) (b) then (b) (a′) (a), so that a drift in the machine's speed favours neither,
// and both the ratio of the medians and the median of each round's own ratio are printed.
const mbps = (seconds: number) => THROUGHPUT_BYTES / 1e6 / seconds;
console.log(`${THROUGHPUT_BYTES / MiB} MiB, ${APP_MESSAGE_BYTES} B messages, ${REPEAT} rounds of (a), (a′), (b), every other one in reverse order`);
const runs: [number, number, number][] = [];
for (let i = 0; i < REPEAT; i++) {
  const source = randomFile(`throughput-${i}.bin`, THROUGHPUT_BYTES);
  const phases = [
    () => busy(() => rawBlast(a.page, b.page, THROUGHPUT_BYTES, APP_MESSAGE_BYTES)),
    () => busy(() => rawBlast(a.page, b.page, THROUGHPUT_BYTES, APP_MESSAGE_BYTES, true)),
    () => busy(() => ourTransfer(source)),
  ];
  const order = i % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
  const results: [number, string][] = [];
  for (const k of order) results[k] = await phases[k]!();
  const [[raw, rawBusy], [rawRead, rawReadBusy], [ours, oursBusy]] = results as [[number, string], [number, string], [number, string]];
  runs.push([raw, rawRead, ours]);
  rmSync(source);
  console.log(
    `  round ${String(i + 1).padStart(2)}${i % 2 ? ' (reversed)' : '           '}: (a) ${mbps(raw).toFixed(1)}  (a′) ${mbps(rawRead).toFixed(1)}  (b) ${mbps(ours).toFixed(1)} MB/s` +
      `  b/a ${(raw / ours).toFixed(2)}   CPU busy ${rawBusy} ${rawReadBusy} ${oursBusy}`,
  );
}
const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
};
const [rawSeconds, rawReadSeconds, oursSeconds] = [0, 1, 2].map((k) => median(runs.map((run) => run[k]!))) as [number, number, number];
const roundRatios = runs.map(([raw, , ours]) => raw / ours);
console.log(`(a)  raw data-channel blast               ${mbps(rawSeconds).toFixed(1)} MB/s  (median ${rawSeconds.toFixed(1)} s)`);
console.log(`(a′) raw blast reading a Blob            ${mbps(rawReadSeconds).toFixed(1)} MB/s  (median ${rawReadSeconds.toFixed(1)} s)`);
console.log(`(b)  our transfer (hash + OPFS)           ${mbps(oursSeconds).toFixed(1)} MB/s  (median ${oursSeconds.toFixed(1)} s)`);
console.log(`b/a (medians)                             ${(rawSeconds / oursSeconds).toFixed(3)}   (b/a′ ${(rawReadSeconds / oursSeconds).toFixed(3)})`);
console.log(
  `b/a (median of the rounds' own ratios)    ${median(roundRatios).toFixed(3)}   (rounds ${Math.min(...roundRatios).toFixed(2)}–${Math.max(...roundRatios).toFixed(2)})`,
);

// HEAP_MIB=0 skips the heap measurement.
if (HEAP_BYTES > 0) await measureHeap();

await (browser ?? profile!).close();
server.close();

/** Runs a phase and says how many of the machine's cores were busy meanwhile, e.g. "1.62/2". */
async function busy<T>(phase: () => Promise<T>): Promise<[T, string]> {
  const before = machineCpuSeconds();
  const threadsBefore = TRACE ? chromiumThreadCpuSeconds() : new Map<string, number>();
  const result = await phase();
  const after = machineCpuSeconds();
  if (TRACE) {
    const used = [...chromiumThreadCpuSeconds()].map(([key, seconds]) => [key, seconds - (threadsBefore.get(key) ?? 0)] as const);
    const top = used.filter(([, seconds]) => seconds >= 0.3).sort((x, y) => y[1] - x[1]);
    console.log(`    threads (CPU-s): ${top.map(([key, seconds]) => `${key} ${seconds.toFixed(1)}`).join(', ')}`);
  }
  const cores = availableParallelism();
  const share = (after.busy - before.busy) / (after.total - before.total);
  return [result, `${(share * cores).toFixed(2)}/${cores}`];
}

async function openPeer(): Promise<PeerPage> {
  return PeerPage.open(browser ? await newDevice(browser) : profile!, url);
}

/**
 * Timed in the receiving page, from the first bytes ('receiving') to 'verified' (hash checked,
 * file closed), by a 50 ms poll of the transfer's list item, as the raw blast is timed there.
 */
async function ourTransfer(path: string): Promise<number> {
  const name = basename(path);
  await b.page.evaluate((label) => {
    const times: Record<string, number> = {};
    const trace: [number, number][] = [];
    Object.assign(window, { phaseTimes: times, progressTrace: trace });
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    // The item is looked up through every shadow root only until found: that walk, 20 times a
    // second, would be work that (b) does and (a) does not.
    let item: Element | null = null;
    const poll = setInterval(() => {
      if (item && !item.isConnected) item = null;
      for (const roots: (Document | ShadowRoot)[] = [document]; roots.length && !item; ) {
        const root = roots.pop()!;
        item = root.querySelector(`li[aria-label="${CSS.escape(label)}"]`);
        for (const element of root.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
      }
      const phase = item?.getAttribute('data-phase');
      if (phase && !(phase in times)) times[phase] = performance.now();
      const done = item?.querySelector('progress')?.value;
      if (done !== undefined && done !== trace.at(-1)?.[1]) trace.push([performance.now(), done]);
      if (phase === 'verified' || phase === 'failed') clearInterval(poll);
    }, 50);
  }, name);
  await a.files.send([path]);
  // Waited for by the same kind of 50 ms poll in the page as the raw blast, not by a locator: that
  // would query every shadow root of the receiving page over CDP twice a second, work (a) does not do.
  await b.page.waitForFunction(
    () => {
      const times = (window as unknown as { phaseTimes: Record<string, number> }).phaseTimes;
      return 'verified' in times || 'failed' in times;
    },
    null,
    { polling: 50, timeout: 600_000 },
  );
  const times = await b.page.evaluate(() => (window as unknown as { phaseTimes: Record<string, number> }).phaseTimes);
  if (!('verified' in times)) throw new Error(`${name} failed on the receiving side`);
  if (TRACE) console.log(`    (b) ${describeTrace(await b.page.evaluate(() => (window as unknown as { progressTrace: [number, number][] }).progressTrace))}`);
  return (times['verified']! - times['receiving']!) / 1000;
}

/**
 * MB/s in each quarter of the bytes, and the time spent in gaps of a second or more without
 * progress. Our transfer's progress moves only every 500 ms (TransferManager), so a shorter
 * threshold would count every step of it as a gap.
 */
function describeTrace(trace: [number, number][]): string {
  const total = trace.at(-1)![1];
  const quarters = [1, 2, 3, 4].map((q) => trace.find(([, done]) => done >= (q * total) / 4)![0]);
  const rates = quarters.map((at, q) => (total / 4 / 1e6 / ((at - (q ? quarters[q - 1]! : trace[0]![0])) / 1000)).toFixed(1));
  let stalled = 0;
  let stalls = 0;
  for (let i = 1; i < trace.length; i++) {
    const gap = trace[i]![0] - trace[i - 1]![0];
    if (gap >= 1000) [stalled, stalls] = [stalled + gap, stalls + 1];
  }
  return `quarters ${rates.join(' ')} MB/s; ${stalls} gaps ≥ 1 s, ${(stalled / 1000).toFixed(1)} s in all`;
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
}

/**
 * A second, bare RTCPeerConnection pair between the same two pages, signaled through Node, with
 * one ordered data channel that every raw blast uses, as every file of ours goes over the app's
 * one connection.
 */
async function openRawChannel(sender: Page, receiver: Page): Promise<void> {
  const offer = await sender.evaluate(async () => {
    const pc = new RTCPeerConnection();
    const channel = pc.createDataChannel('blast', { ordered: true });
    Object.assign(window, { blastPc: pc, blastChannel: channel });
    await pc.setLocalDescription();
    await new Promise((done) => (pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && done(null)));
    return pc.localDescription!.sdp;
  });
  const answer = await receiver.evaluate(async (sdp) => {
    const pc = new RTCPeerConnection();
    const w = window as unknown as { blastPc: RTCPeerConnection; blastReceived: number; blastFirst?: number; blastLast?: number; blastTrace: [number, number][] };
    Object.assign(w, { blastPc: pc });
    pc.ondatachannel = ({ channel }) => {
      channel.binaryType = 'arraybuffer';
      channel.onmessage = ({ data }) => {
        w.blastFirst ??= performance.now();
        w.blastReceived += (data as ArrayBuffer).byteLength;
        w.blastLast = performance.now();
        w.blastTrace.push([w.blastLast, w.blastReceived]);
      };
    };
    await pc.setRemoteDescription({ type: 'offer', sdp });
    await pc.setLocalDescription();
    await new Promise((done) => (pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && done(null)));
    return pc.localDescription!.sdp;
  }, offer);
  await sender.evaluate(async (sdp) => {
    const w = window as unknown as { blastPc: RTCPeerConnection; blastChannel: RTCDataChannel };
    await w.blastPc.setRemoteDescription({ type: 'answer', sdp });
    if (w.blastChannel.readyState !== 'open') await new Promise((done) => (w.blastChannel.onopen = done));
  }, answer);
}

/** Sends bytes over the raw channel as fast as its water marks let, timed in the receiving page. */
async function rawBlast(sender: Page, receiver: Page, bytes: number, messageBytes: number, readFromBlob = false): Promise<number> {
  await receiver.evaluate(() => Object.assign(window, { blastReceived: 0, blastFirst: undefined, blastLast: undefined, blastTrace: [] }));
  const sending = sender.evaluate(
    async ({ total, messageBytes, readFromBlob }) => {
      const channel = (window as unknown as { blastChannel: RTCDataChannel }).blastChannel;
      let message = new Uint8Array(messageBytes);
      for (let at = 0; at < messageBytes; at += 65536) crypto.getRandomValues(message.subarray(at, at + 65536));
      channel.bufferedAmountLowThreshold = 1024 * 1024;
      // (a′) reads what it sends from a Blob into one message buffer with BYOB reads, as our sender reads a File.
      const blob = readFromBlob ? new Blob(Array.from({ length: Math.ceil(total / messageBytes) }, () => message)).slice(0, total) : undefined;
      const reader = blob?.stream().getReader({ mode: 'byob' });
      for (let sent = 0; sent < total; sent += messageBytes) {
        const length = Math.min(messageBytes, total - sent);
        for (let filled = 0; reader && filled < length; ) {
          const { value } = await reader.read(new Uint8Array(message.buffer, filled, length - filled));
          message = new Uint8Array(value!.buffer); // the read transferred it
          filled += value!.byteLength;
        }
        if (channel.bufferedAmount > 4 * 1024 * 1024) {
          await new Promise((done) => channel.addEventListener('bufferedamountlow', done, { once: true }));
        }
        channel.send(message.subarray(0, length));
      }
    },
    { total: bytes, messageBytes, readFromBlob },
  );
  await receiver.waitForFunction((total) => (window as unknown as { blastReceived: number }).blastReceived >= total, bytes, {
    polling: 50,
    timeout: 600_000,
  });
  await sending;
  // Timed in the receiving page, from the first message to the last.
  const seconds = await receiver.evaluate(() => {
    const w = window as unknown as { blastFirst: number; blastLast: number };
    return (w.blastLast - w.blastFirst) / 1000;
  });
  if (TRACE) console.log(`    (a${readFromBlob ? '′' : ''}) ${describeTrace(await receiver.evaluate(() => (window as unknown as { blastTrace: [number, number][] }).blastTrace))}`);
  return seconds;
}

async function measureHeap(): Promise<void> {
  const cdp = await b.page.context().newCDPSession(b.page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const idle = await heapUsed(cdp);
  let peak = idle;
  const sampler = setInterval(() => void heapUsed(cdp).then((used) => (peak = Math.max(peak, used))), 250);
  const heapSeconds = await ourTransfer(randomFile('heap.bin', HEAP_BYTES));
  clearInterval(sampler);
  console.log(
    `receiver JS heap during ${HEAP_BYTES / MiB} MiB: idle ${(idle / MiB).toFixed(1)} MiB, peak ${(peak / MiB).toFixed(1)} MiB, ` +
      `peak above idle ${((peak - idle) / MiB).toFixed(1)} MiB  (${(HEAP_BYTES / 1e6 / heapSeconds).toFixed(1)} MB/s)`,
  );
}
