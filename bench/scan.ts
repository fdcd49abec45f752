/**
 * How soon the camera scanner starts decoding after **Scan** is pressed, how soon it applies a
 * code in view, and how long it ever holds the main thread (`npm run bench:scan`, in the private
 * network namespace). Chromium's fake camera films either the offer QR of another page or, for
 * "no code", its own moving test pattern. Timed inside the page: a capture-phase click listener,
 * wrappers around Worker.postMessage() and getImageData() (a camera frame goes to the worker, or
 * without one is grabbed, just before its decode), the p2p-blob-submit event, and a
 * PerformanceObserver for long tasks (> 50 ms). RUNS=n sets the
 * runs per case (default 5); SECONDS=n the length of the no-code runs (default 10).
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { fakeCameraArgs, writeFakeCamera } from '../test/support/inputs/fake-camera.ts';
import { launchChromium, newDevice } from '../test/support/launch/chromium.ts';
import { setNetworkShape } from '../test/support/launch/network.ts';
import { PeerPage } from '../test/support/page/peer-page.ts';
import { buildAndServe } from '../test/support/serve/built-page.ts';

const RUNS = Number(process.env['RUNS'] ?? 5);
const SECONDS = Number(process.env['SECONDS'] ?? 10);

interface ScanTrace {
  click?: number;
  grabs: number[];
  submitted?: number;
  longTasks: { start: number; duration: number }[];
}

/** Runs in the page before its scripts. */
function instrument(disableWorker: boolean): void {
  const trace: ScanTrace = { grabs: [], longTasks: [] };
  (window as unknown as { scanTrace: ScanTrace }).scanTrace = trace;
  addEventListener(
    'click',
    (event) => {
      const target = event.composedPath()[0];
      if (target instanceof HTMLButtonElement && target.textContent?.trim() === 'Scan') trace.click ??= performance.now();
    },
    true,
  );
  addEventListener('p2p-blob-submit', () => (trace.submitted ??= performance.now()), true);
  // A frame starts its decode when the worker is sent it, or (without a worker) when it is grabbed.
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, ...args: Parameters<typeof post>) {
    trace.grabs.push(performance.now());
    return post.apply(this, args);
  } as typeof post;
  for (const proto of [CanvasRenderingContext2D.prototype, OffscreenCanvasRenderingContext2D.prototype]) {
    const original = proto.getImageData;
    proto.getImageData = function (this: CanvasRenderingContext2D, ...args: Parameters<typeof original>) {
      trace.grabs.push(performance.now());
      return original.apply(this, args);
    } as typeof original;
  }
  if (disableWorker) (window as unknown as { Worker: unknown }).Worker = undefined;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) trace.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask' });
}

interface Run {
  readonly firstAttemptMs: number;
  readonly appliedMs?: number;
  readonly framesPerSecond: number;
  readonly longestTaskMs: number;
  readonly longTasks: number;
  readonly startupLongestMs: number;
}

async function scanOnce(browser: Browser, url: string, options: { disableWorker: boolean; untilApplied: boolean }): Promise<Run> {
  const context: BrowserContext = await newDevice(browser, { camera: true });
  await context.addInitScript(instrument, options.disableWorker);
  const peer = await PeerPage.open(context, url);
  await peer.page.getByRole('button', { name: 'Scan', exact: true }).click();
  if (options.untilApplied) {
    await peer.page.waitForFunction(() => (window as unknown as { scanTrace: ScanTrace }).scanTrace.submitted !== undefined, null, {
      timeout: 20_000,
    });
  } else {
    await peer.page.waitForTimeout(SECONDS * 1000);
  }
  const trace = await peer.page.evaluate(() => (window as unknown as { scanTrace: ScanTrace }).scanTrace);
  await context.close();
  const click = trace.click!;
  const last = trace.submitted ?? trace.grabs.at(-1)!;
  const firstAttempt = trace.grabs[0]!;
  const end = trace.submitted ?? Infinity;
  // Starting the camera and the video is not decoding; nor is what the page does with a submitted
  // blob (create and show the answer), which runs in the task that submits it.
  const starting = trace.longTasks.filter((task) => task.start >= click && task.start < firstAttempt);
  const scanning = trace.longTasks.filter((task) => task.start >= firstAttempt && task.start + task.duration < end);
  return {
    firstAttemptMs: trace.grabs[0]! - click,
    ...(trace.submitted !== undefined ? { appliedMs: trace.submitted - click } : {}),
    framesPerSecond: (trace.grabs.length - 1) / ((last - trace.grabs[0]!) / 1000),
    longestTaskMs: Math.max(0, ...scanning.map((task) => task.duration)),
    longTasks: scanning.length,
    startupLongestMs: Math.max(0, ...starting.map((task) => task.duration)),
  };
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const max = (values: number[]) => Math.max(...values);

function report(label: string, runs: Run[]): void {
  const applied = runs.flatMap((run) => (run.appliedMs === undefined ? [] : [run.appliedMs]));
  const cells = [
    `first attempt ${median(runs.map((r) => r.firstAttemptMs)).toFixed(0)} ms (max ${max(runs.map((r) => r.firstAttemptMs)).toFixed(0)})`,
    applied.length ? `applied ${median(applied).toFixed(0)} ms (max ${max(applied).toFixed(0)})` : '',
    applied.length ? "" : `${median(runs.map((r) => r.framesPerSecond)).toFixed(1)} frames/s`,
    `long tasks ${runs.reduce((n, r) => n + r.longTasks, 0)}, longest ${max(runs.map((r) => r.longestTaskMs)).toFixed(0)} ms`,
    `(starting: longest ${max(runs.map((r) => r.startupLongestMs)).toFixed(0)} ms)`,
  ].filter(Boolean);
  console.log(`${label.padEnd(36)} ${cells.join('   ')}`);
}

setNetworkShape('lan-deadgw');
const { url, server } = await buildAndServe('/bench/');

const shower = await launchChromium();
const a = await PeerPage.open(await newDevice(shower), url);
await a.button('Create offer').click();
const qr = await a.qrScreenshot('offer');
const camera = writeFakeCamera(qr, { width: 1280, height: 720 });
const filmingOffer = await launchChromium(fakeCameraArgs(camera));
const filmingPattern = await launchChromium();

console.log(`Chromium ${shower.version()}, ${RUNS} runs per case (medians; max over runs), fake camera 1280×720 / default pattern`);
console.log(`"first attempt": Scan pressed → first camera frame sent to the worker (or grabbed, without one); "applied": → blob submitted`);
console.log(`long tasks: main-thread tasks over 50 ms from the first attempt until a blob is submitted, all runs together;`);
console.log(`starting: the longest task between the press and the first attempt (camera and video start)\n`);
const cases = [
  ['offer QR in view, worker', filmingOffer, { disableWorker: false, untilApplied: true }],
  ['offer QR in view, no worker', filmingOffer, { disableWorker: true, untilApplied: true }],
  [`no code, worker (${SECONDS} s)`, filmingPattern, { disableWorker: false, untilApplied: false }],
  [`no code, no worker (${SECONDS} s)`, filmingPattern, { disableWorker: true, untilApplied: false }],
] as const;
for (const [label, browser, options] of cases) {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await scanOnce(browser, url, options));
  report(label, runs);
}

await Promise.all([shower.close(), filmingOffer.close(), filmingPattern.close()]);
server.close();
