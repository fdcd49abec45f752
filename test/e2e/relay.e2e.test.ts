import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { randomFile, sha256OfFile } from '../support/inputs/random-file.ts';
import { startTurnServer, type TurnServer } from '../support/launch/turn-server.ts';
import { chatBothWays, openPair } from '../support/page/pair.ts';
import { waitUntilBothConnected, type PeerPage } from '../support/page/peer-page.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const browser = useChromiumOnOfflineLan();
let turn: TurnServer | undefined;
beforeAll(async () => {
  turn = await startTurnServer();
});
afterAll(() => turn?.close());

/** Two devices whose Settings name the test's coturn, with this password, typed in as a user would. */
async function pairWithTurn(password: string, relayOnly: boolean): Promise<[PeerPage, PeerPage]> {
  if (!turn) throw new Error('no TURN server');
  const pair = await openPair(browser(), baseUrl);
  for (const peer of pair) {
    await peer.settings.useTurnServer(turn.url, turn.username, password);
    await peer.settings.setRelayOnly(relayOnly);
  }
  return pair;
}

/** The types of every local candidate the page's connection gathered (from getStats()). */
function localCandidateTypes(peer: PeerPage): Promise<string[]> {
  return peer.page.evaluate(async () => {
    const report = await document.querySelector('p2p-app')!.getStats();
    const types: string[] = [];
    report?.forEach((entry: { type: string; candidateType?: string }) => {
      if (entry.type === 'local-candidate') types.push(entry.candidateType ?? '');
    });
    return types;
  });
}

describe('through a real TURN server (coturn in the test namespace)', () => {
  test('Relay only: both connect through the relay, the Stats panel says so, chat and a file go through', async () => {
    const [a, b] = await pairWithTurn(turn!.password, true);
    const offer = await a.createOffer();
    await a.waitForStatus(/^Offer ready\. /);
    await b.paste(offer);
    await a.paste(await b.readBlob('Answer'));
    await waitUntilBothConnected(a, b);

    for (const peer of [a, b]) {
      await peer.page.locator('[data-stat="connection-type"]').filter({ hasText: 'relayed via TURN' }).waitFor({ timeout: 10_000 });
      // Hide my address: this device offered nothing but the relay's.
      const types = await localCandidateTypes(peer);
      expect(types.length).toBeGreaterThan(0);
      expect(new Set(types)).toEqual(new Set(['relay']));
    }
    await chatBothWays(a, b);
    const source = randomFile('relayed.bin', 2 * 1024 * 1024 + 5);
    await a.files.send([source]);
    await b.files.press('relayed.bin', 'Accept');
    await b.files.waitForPhase('relayed.bin', 'verified');
    expect(await b.files.saveAndHash('relayed.bin')).toBe(await sha256OfFile(source));
  }, 60_000);

  test('Relay only and a wrong password: no offer, and the page says the TURN server refused it', async () => {
    const [a] = await pairWithTurn('not-the-password', true);
    await a.button('Create offer').click();
    await a.waitForStatus(/^No relay address found/, 5_000);
    await a.waitForAlert(/^The TURN server refused the user name or password \(error 401\)/);
    expect(await a.blobBox('Offer').count()).toBe(0);
    // The camera reveals host addresses, which Relay only would not use anyway: not offered as the fix.
    expect(await a.button('Allow camera and try again').count()).toBe(0);
  });

  test('a wrong password without Relay only: the offer comes, but not as if all were well', async () => {
    const [a] = await pairWithTurn('not-the-password', false);
    await a.createOffer();
    await a.waitForStatus(/^Offer ready, but without a relay/, 5_000);
    await a.waitForAlert(/^The TURN server refused the user name or password \(error 401\)/);
  });
});
