/**
 * Offer-ready time: from pressing Create offer to the Offer box showing the blob, in real headless
 * Chromium inside the private network namespace (run through `npm run bench:gather`).
 */
import { launchChromium, newDevice } from '../test/support/launch/chromium.ts';
import { setNetworkShape, type NetworkShape } from '../test/support/launch/network.ts';
import { PeerPage } from '../test/support/page/peer-page.ts';
import { buildAndServe } from '../test/support/serve/built-page.ts';

const RUNS = Number(process.env['RUNS'] ?? 5);

interface Scenario {
  readonly name: string;
  readonly shape: NetworkShape;
  readonly stun: boolean;
  readonly camera: boolean;
  readonly capMs?: number;
  readonly runs?: number;
}

const scenarios: Scenario[] = [
  { name: 'offline LAN, default STUN list black-holed', shape: 'lan-deadgw', stun: true, camera: false },
  { name: 'offline LAN, no ICE servers', shape: 'lan-deadgw', stun: false, camera: false },
  { name: 'LAN without default route, camera allowed, no ICE servers', shape: 'lan', stun: false, camera: true },
  { name: 'reference: STUN black-holed, cap lifted to 60 s', shape: 'lan-deadgw', stun: true, camera: false, capMs: 60_000, runs: 1 },
];

/**
 * Timed inside the page, polling every animation frame: Playwright's own waits poll at up to
 * 500 ms intervals, which would swamp the figure.
 */
async function offerReadyMs(peer: PeerPage): Promise<number> {
  const startedAt = await peer.page.evaluate(() => performance.now());
  await peer.button('Create offer').click();
  const ready = await peer.page.waitForFunction(
    () => {
      const out = document.querySelector('p2p-app')?.shadowRoot?.querySelector('p2p-signal-out');
      return out?.shadowRoot?.querySelector('textarea')?.value ? performance.now() : 0;
    },
    undefined,
    { polling: 'raf', timeout: 90_000 },
  );
  return (await ready.jsonValue()) - startedAt;
}

const { url, server } = await buildAndServe('/bench/');
const browser = await launchChromium();

console.log(`Offer-ready time, Chromium ${browser.version()}, ${RUNS} runs each (median, min–max)\n`);
for (const scenario of scenarios) {
  setNetworkShape(scenario.shape);
  const times: number[] = [];
  for (let run = 0; run < (scenario.runs ?? RUNS); run++) {
    const context = await newDevice(browser, { camera: scenario.camera });
    const page = await PeerPage.open(context, url);
    if (!scenario.stun) await page.settings.removeAllIceServers();
    if (scenario.capMs) await page.settings.setNumber('Address search limit (ms)', scenario.capMs);
    times.push(await offerReadyMs(page));
    await context.close();
  }
  times.sort((x, y) => x - y);
  const median = times[Math.floor(times.length / 2)]!;
  const fmt = (ms: number) => (ms / 1000).toFixed(2);
  console.log(`${scenario.name.padEnd(62)} ${fmt(median)} s  (${fmt(times[0]!)}–${fmt(times.at(-1)!)} s)`);
}

await browser.close();
server.close();
