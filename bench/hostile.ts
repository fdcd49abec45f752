/**
 * A hostile peer against the victim's page (`npm run bench:hostile`): two Chromium pages of the
 * built app connected through the UI, the attacker's page driving its own end of the connection
 * (test/support/hostile/). Each attack runs on a fresh pair: a chat flood (CHAT_RATE messages a
 * second for CHAT_SECONDS, CHAT_CHARS long), OFFERS file offers with the victim's Always accept
 * on, and CHANNELS data channels (each naming an offered file). Printed per attack: what the
 * attacker achieved, the victim's longest main-thread task, its JS heap growth (after a garbage
 * collection, and the peak during the attack), and what it holds afterwards (workers, chat and
 * file list entries, open data channels). Targets (issue 18): no task over 200 ms, growth under
 * 50 MiB. ONLY=chat|offers|channels runs one; SETTLE_SECONDS (300) bounds the wait for the
 * victim to settle.
 */
import { ATTACK_NAMES, ISSUE_SIZES, runAttack, type AttackName } from '../test/support/hostile/hostile-attacks.ts';
import { hostilePair } from '../test/support/hostile/hostile-pair.ts';
import { launchChromium } from '../test/support/launch/chromium.ts';
import { setNetworkShape } from '../test/support/launch/network.ts';
import { buildAndServe } from '../test/support/serve/built-page.ts';

const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const sizes = {
  chatPerSecond: knob('CHAT_RATE', ISSUE_SIZES.chatPerSecond),
  chatSeconds: knob('CHAT_SECONDS', ISSUE_SIZES.chatSeconds),
  chatChars: knob('CHAT_CHARS', ISSUE_SIZES.chatChars),
  offers: knob('OFFERS', ISSUE_SIZES.offers),
  channels: knob('CHANNELS', ISSUE_SIZES.channels),
};
/** How long the victim may take to settle after an attack before it is measured anyway. */
const SETTLE_SECONDS = knob('SETTLE_SECONDS', 300);
const only = process.env['ONLY'] as AttackName | undefined;

setNetworkShape('lan-deadgw');
const { url, server } = await buildAndServe('/bench/');
const browser = await launchChromium();
console.log(`Hostile peer against the victim's page, Chromium ${browser.version()}; targets: longest task ≤ 200 ms, heap growth < 50 MiB\n`);

for (const name of ATTACK_NAMES.filter((attack) => !only || attack === only)) {
  const pair = await hostilePair(browser, url);
  const { holdings, settled, cost } = await runAttack(pair, name, sizes, SETTLE_SECONDS * 1000, console.log);
  if (!settled) console.log(`  (the victim was still busy with it ${SETTLE_SECONDS} s later: figures as of then)`);
  const within = (ok: boolean) => (ok ? 'ok' : 'OVER');
  if (cost) {
    console.log(`  victim longest task   ${cost.longestTaskMs.toFixed(0)} ms (${cost.longTasks} tasks ≥ 50 ms)  ${within(cost.longestTaskMs <= 200)}`);
    console.log(`  victim heap growth    ${cost.heapGrowthMiB.toFixed(1)} MiB after GC (peak ${cost.heapPeakMiB.toFixed(1)} MiB above start)  ${within(cost.heapGrowthMiB < 50)}`);
  } else {
    console.log(`  victim's page CRASHED before it could be measured${pair.crashed() ? '' : ' (or stopped answering)'}`);
  }
  if (holdings) {
    console.log(`  workers alive         ${holdings.workersAlive} (peak ${holdings.workersPeak})`);
    console.log(`  list entries          chat ${holdings.chatEntries}, files ${holdings.fileEntries}`);
    console.log(`  peer channels open    ${holdings.peerChannelsOpen}\n`);
  } else {
    console.log(`  the victim's page did not answer within ${SETTLE_SECONDS} s\n`);
  }
  await pair.close();
}

await browser.close();
server.close();
