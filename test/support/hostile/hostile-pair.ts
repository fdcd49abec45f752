import type { Browser } from 'playwright-core';
import { newDevice } from '../launch/chromium.ts';
import { PeerPage } from '../page/peer-page.ts';
import { NAME_HELPER_SCRIPT, recordPeerChannels } from './channel-recorder.ts';
import { VictimProbe } from './victim-probe.ts';
import { probeWorkersAndLongTasks } from './worker-task-probe.ts';

/**
 * Two devices of the built app connected through the UI, as connectedPair does: the victim,
 * measured by VictimProbe, and the attacker, the same app whose page also lets a script drive
 * its end of the connection (attacks.ts). The victim makes the offer. Both record their channels.
 */
export interface HostilePair {
  readonly victim: PeerPage;
  readonly attacker: PeerPage;
  readonly probe: VictimProbe;
  /** Whether the victim's page crashed (its renderer process died). */
  crashed(): boolean;
  close(): Promise<void>;
}

export async function hostilePair(browser: Browser, url: string): Promise<HostilePair> {
  const victimDevice = await newDevice(browser);
  const attackerDevice = await newDevice(browser);
  for (const device of [victimDevice, attackerDevice]) {
    await device.addInitScript(NAME_HELPER_SCRIPT);
    await device.addInitScript(recordPeerChannels);
  }
  await victimDevice.addInitScript(probeWorkersAndLongTasks);
  const victim = await PeerPage.open(victimDevice, url);
  const attacker = await PeerPage.open(attackerDevice, url);
  await victim.connectTo(attacker);
  // What a new link starts (the lazily loaded parts, the verification exchange) is not the attack's cost.
  await victim.page.waitForTimeout(1000);
  await victim.page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 5000 })));
  const probe = await VictimProbe.attach(victim);
  let crashed = false;
  victim.page.on('crash', () => (crashed = true));
  return {
    victim,
    attacker,
    probe,
    crashed: () => crashed,
    close: async () => {
      await probe.close();
      await Promise.all([victimDevice.close(), attackerDevice.close()]);
    },
  };
}
