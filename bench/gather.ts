/**
 * Code-ready times: from pressing Create offer to the Offer box showing a usable code (the first
 * version, made as soon as one candidate is in) and to its final version (the last change seen
 * within the gathering cap plus half a second), in real headless Chromium inside the private
 * network namespace (run through `npm run bench:gather`).
 */
import { launchChromium, newDevice } from '../test/support/launch/chromium.ts';
import { setNetworkShape, type NetworkShape } from '../test/support/launch/network.ts';
import { startStunServer } from '../test/support/launch/stun-server.ts';
import { PeerPage } from '../test/support/page/peer-page.ts';
import { buildAndServe } from '../test/support/serve/built-page.ts';

const RUNS = Number(process.env['RUNS'] ?? 5);
const DEFAULT_CAP_MS = 1500;
/** How late the namespace's own STUN server answers: a nearby server's round trip. */
const LAN_STUN_DELAY_MS = 300;

interface Scenario {
  readonly name: string;
  readonly shape: NetworkShape;
  /** The default list (black-holed here), none, or the STUN server inside the namespace. */
  readonly iceServers: 'default' | 'none' | 'lan-stun';
  readonly camera: boolean;
}

const scenarios: Scenario[] = [
  { name: 'offline LAN, default STUN list black-holed', shape: 'lan-deadgw', iceServers: 'default', camera: false },
  { name: 'offline LAN, no ICE servers', shape: 'lan-deadgw', iceServers: 'none', camera: false },
  { name: 'LAN without default route, camera allowed, no ICE servers', shape: 'lan', iceServers: 'none', camera: true },
  { name: `LAN STUN server answering after ${LAN_STUN_DELAY_MS} ms`, shape: 'lan-deadgw', iceServers: 'lan-stun', camera: false },
];

interface CodeTimes {
  readonly firstMs: number;
  readonly finalMs: number;
  readonly versions: number;
}

/**
 * Timed inside the page, polling every animation frame: Playwright's own waits poll at up to
 * 500 ms intervals, which would swamp the figure.
 */
async function codeTimes(peer: PeerPage, watchMs: number): Promise<CodeTimes> {
  const startedAt = await peer.page.evaluate(() => performance.now());
  await peer.button('Create offer').click();
  return peer.page.evaluate(
    async ({ startedAt, watchMs }) => {
      let shown = '';
      let firstMs = 0;
      let finalMs = 0;
      let versions = 0;
      for (let elapsed = 0; (elapsed < watchMs || versions === 0) && elapsed < 90_000; elapsed = performance.now() - startedAt) {
        const out = document.querySelector('p2p-app')?.shadowRoot?.querySelector('p2p-signal-out');
        const code = out?.shadowRoot?.querySelector('textarea')?.value ?? '';
        if (code && code !== shown) {
          shown = code;
          versions++;
          finalMs = performance.now() - startedAt;
          firstMs ||= finalMs;
        }
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return { firstMs, finalMs, versions };
    },
    { startedAt, watchMs },
  );
}

const { url, server } = await buildAndServe('/bench/');
const browser = await launchChromium();
const stun = await startStunServer({ delayMs: LAN_STUN_DELAY_MS });

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const seconds = (values: number[]) => {
  const fmt = (ms: number) => (ms / 1000).toFixed(2);
  return `${fmt(median(values))} s (${fmt(Math.min(...values))}–${fmt(Math.max(...values))} s)`;
};

console.log(`Code-ready time, Chromium ${browser.version()}, ${RUNS} runs each: median (min–max)\n`);
for (const scenario of scenarios) {
  setNetworkShape(scenario.shape);
  const runs: CodeTimes[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await newDevice(browser, { camera: scenario.camera });
    const page = await PeerPage.open(context, url);
    if (scenario.iceServers === 'none') await page.settings.removeAllIceServers();
    if (scenario.iceServers === 'lan-stun') await page.settings.useIceServers([stun.url]);
    runs.push(await codeTimes(page, DEFAULT_CAP_MS + 500));
    await context.close();
  }
  const versions = [...new Set(runs.map((run) => run.versions))].sort().join(' or ');
  console.log(scenario.name);
  console.log(`  first usable code  ${seconds(runs.map((run) => run.firstMs))}`);
  console.log(`  final code         ${seconds(runs.map((run) => run.finalMs))}  (${versions} version(s))`);
}

await stun.close();
await browser.close();
server.close();
