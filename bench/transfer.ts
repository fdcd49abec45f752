/**
 * File transfer throughput between two Chromium pages in the private network namespace
 * (`npm run bench:transfer`): (a) a raw data-channel blast of the same number of bytes with the
 * same message size and water marks, (b) our transfer through the UI including SHA-256 on both
 * sides and writing to OPFS, and b/a. Then the receiver's peak JS heap during a larger transfer.
 */
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium, newDevice } from '../test/e2e/harness/browser.ts';
import { randomFile, sendFiles, transfer, waitForPhase } from '../test/e2e/harness/files.ts';
import { setNetworkShape } from '../test/e2e/harness/network.ts';
import { connectThroughUi, PeerPage } from '../test/e2e/harness/peer.page.ts';
import { serveStatic } from '../test/e2e/harness/static-server.ts';

const MiB = 1024 * 1024;
const THROUGHPUT_BYTES = Number(process.env['THROUGHPUT_MIB'] ?? 256) * MiB;
const HEAP_BYTES = Number(process.env['HEAP_MIB'] ?? 512) * MiB;
/** What our sender uses between two Chromium pages: 64 KiB frames (flow-control.ts). */
const MESSAGE_BYTES = 64 * 1024;

setNetworkShape('lan-deadgw');
const root = resolve(import.meta.dirname, '..');
await build({ root, logLevel: 'warn' });
const { url, server } = await serveStatic(resolve(root, 'dist'), '/bench/');
const browser = await launchChromium();
const a = await PeerPage.open(await newDevice(browser), url);
const b = await PeerPage.open(await newDevice(browser), url);
await connectThroughUi(a, b);
await b.page.getByRole('checkbox', { name: /Always accept files/ }).check();

const rawSeconds = await rawBlast(a.page, b.page, THROUGHPUT_BYTES);
const oursSeconds = await ourTransfer('throughput.bin', THROUGHPUT_BYTES);
const mbps = (seconds: number) => THROUGHPUT_BYTES / 1e6 / seconds;
console.log(`Chromium ${browser.version()}, ${THROUGHPUT_BYTES / MiB} MiB, ${MESSAGE_BYTES / 1024} KiB messages`);
console.log(`(a) raw data-channel blast      ${mbps(rawSeconds).toFixed(1)} MB/s  (${rawSeconds.toFixed(1)} s)`);
console.log(`(b) our transfer (hash + OPFS)  ${mbps(oursSeconds).toFixed(1)} MB/s  (${oursSeconds.toFixed(1)} s)`);
console.log(`b/a                             ${(rawSeconds / oursSeconds).toFixed(2)}`);

const cdp = await b.page.context().newCDPSession(b.page);
await cdp.send('Performance.enable');
await cdp.send('HeapProfiler.collectGarbage');
const idle = await heapUsed(cdp);
let peak = idle;
const sampler = setInterval(() => void heapUsed(cdp).then((used) => (peak = Math.max(peak, used))), 250);
const heapSeconds = await ourTransfer('heap.bin', HEAP_BYTES);
clearInterval(sampler);
console.log(
  `receiver JS heap during ${HEAP_BYTES / MiB} MiB: idle ${(idle / MiB).toFixed(1)} MiB, peak ${(peak / MiB).toFixed(1)} MiB, ` +
    `peak above idle ${((peak - idle) / MiB).toFixed(1)} MiB  (${(HEAP_BYTES / 1e6 / heapSeconds).toFixed(1)} MB/s)`,
);

await browser.close();
server.close();

async function ourTransfer(name: string, bytes: number): Promise<number> {
  const path = randomFile(name, bytes);
  await sendFiles(a.page, [path]);
  await waitForPhase(b.page, name, 'receiving', 60_000);
  const started = performance.now();
  await waitForPhase(b.page, name, 'verified', 600_000);
  const seconds = (performance.now() - started) / 1000;
  await transfer(b.page, name).waitFor();
  return seconds;
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
}

/** A second, bare RTCPeerConnection pair between the same two pages, signaled through Node. */
async function rawBlast(sender: Page, receiver: Page, bytes: number): Promise<number> {
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
    Object.assign(window, { blastPc: pc, blastReceived: 0, blastDone: null });
    pc.ondatachannel = ({ channel }) => {
      channel.binaryType = 'arraybuffer';
      channel.onmessage = ({ data }) => {
        const w = window as unknown as { blastReceived: number; blastDone: number | null };
        w.blastReceived += (data as ArrayBuffer).byteLength;
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
  const started = performance.now();
  const sending = sender.evaluate(
    async ({ total, messageBytes }) => {
      const channel = (window as unknown as { blastChannel: RTCDataChannel }).blastChannel;
      const chunk = crypto.getRandomValues(new Uint8Array(messageBytes));
      channel.bufferedAmountLowThreshold = 1024 * 1024;
      for (let sent = 0; sent < total; sent += messageBytes) {
        if (channel.bufferedAmount > 4 * 1024 * 1024) {
          await new Promise((done) => channel.addEventListener('bufferedamountlow', done, { once: true }));
        }
        channel.send(chunk);
      }
    },
    { total: bytes, messageBytes: MESSAGE_BYTES },
  );
  await receiver.waitForFunction((total) => (window as unknown as { blastReceived: number }).blastReceived >= total, bytes, {
    polling: 50,
    timeout: 600_000,
  });
  await sending;
  const seconds = (performance.now() - started) / 1000;
  await Promise.all([sender, receiver].map((page) => page.evaluate(() => (window as unknown as { blastPc: RTCPeerConnection }).blastPc.close())));
  return seconds;
}
