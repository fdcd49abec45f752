import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { randomFile, sha256OfFile } from '../support/inputs/random-file.ts';
import { newDevice } from '../support/launch/chromium.ts';
import { connectedPair } from '../support/page/pair.ts';
import { addDevice, rename } from '../support/page/group.ts';
import { PeerPage } from '../support/page/peer-page.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const browser = useChromiumOnOfflineLan(['--use-fake-ui-for-media-stream']);

function member(peer: PeerPage, name: string, state: string) {
  return peer.page.getByRole('list', { name: 'Members', exact: true }).locator(`li[data-state="${state}"]`).filter({ hasText: name });
}

/** The selected candidate pair of this page's link to `name`: its own connection, read from getStats(). */
async function pairTo(page: Page, name: string): Promise<{ local: string; remote: string }> {
  return page.evaluate(async (peerName) => {
    const app = document.querySelector('p2p-app') as unknown as { groupApp: { group: { members: { card?: { name: string }; app: { session: { connection?: RTCPeerConnection } } }[] } } };
    const link = app.groupApp.group.members.find((member) => member.card?.name === peerName);
    const stats = await link!.app.session.connection!.getStats();
    const all = [...stats.values()];
    const pair = all.find((s) => s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated);
    const address = (id: string) => {
      const candidate = all.find((s) => s.id === id);
      return `${candidate.address}:${candidate.port}`;
    };
    return { local: address(pair.localCandidateId), remote: address(pair.remoteCandidateId) };
  }, name);
}

/** Video frames this page has decoded from each member, by name, read from each link's own connection. */
async function framesFrom(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const app = document.querySelector('p2p-app') as unknown as { groupApp: { group: { members: { left: boolean; card?: { name: string }; app: { session: { connection?: RTCPeerConnection } } }[] } } };
    const frames: Record<string, number> = {};
    for (const member of app.groupApp.group.members) {
      const pc = member.app.session.connection;
      if (!pc || member.left || !member.card) continue;
      const inbound = [...(await pc.getStats()).values()].filter((s) => s.type === 'inbound-rtp' && s.kind === 'video');
      frames[member.card.name] = inbound.reduce((sum, s) => sum + (s.framesDecoded ?? 0), 0);
    }
    return frames;
  });
}

async function threeNamed(): Promise<[PeerPage, PeerPage, PeerPage]> {
  const [a, b] = await connectedPair(browser(), baseUrl, { camera: true });
  const c = await PeerPage.open(await newDevice(browser(), { camera: true }), baseUrl);
  await rename(a, 'Ann');
  await rename(b, 'Bo');
  await addDevice(a, c);
  await rename(c, 'Cy');
  await member(b, 'Cy', 'linked').waitFor({ timeout: 15_000 });
  await member(c, 'Bo', 'linked').waitFor({ timeout: 15_000 });
  return [a, b, c];
}

describe('a group of three, still with no server', () => {
  test('a video call of three: frames flow each way on every pair', async () => {
    const pages = await threeNamed();
    for (const peer of pages) await peer.button('Start video with everyone').click();
    const names = ['Ann', 'Bo', 'Cy'];
    for (const [i, peer] of pages.entries()) {
      const others = names.filter((_, j) => j !== i);
      await expect
        .poll(async () => {
          const frames = await framesFrom(peer.page);
          return others.every((name) => (frames[name] ?? 0) > 10);
        }, { timeout: 20_000, interval: 500 })
        .toBe(true);
    }
  }, 120_000);

  test('A links B and C by hand; B and C are introduced and linked directly; a file from B reaches A and C; A leaves, B and C chat on', async () => {
    const [a, b] = await connectedPair(browser(), baseUrl);
    const c = await PeerPage.open(await newDevice(browser()), baseUrl);
    await rename(a, 'Ann');
    await rename(b, 'Bo');
    await addDevice(a, c);
    await rename(c, 'Cy');

    // B and C hold a link of their own, made through A without a code.
    await member(b, 'Cy', 'linked').filter({ hasText: 'introduced by Ann' }).waitFor({ timeout: 15_000 });
    await member(c, 'Bo', 'linked').filter({ hasText: 'introduced by Ann' }).waitFor({ timeout: 15_000 });
    const [bToC, cToB, bToA] = [await pairTo(b.page, 'Cy'), await pairTo(c.page, 'Bo'), await pairTo(b.page, 'Ann')];
    expect(bToC).toEqual({ local: cToB.remote, remote: cToB.local });
    expect(bToC.local).not.toBe(bToA.local);
    // Both ends of the introduced link show one verification code.
    const codeOf = async (peer: PeerPage, name: string) => /\d{3} \d{3}/.exec((await member(peer, name, 'linked').textContent()) ?? '')?.[0];
    expect(await codeOf(b, 'Cy')).toBe(await codeOf(c, 'Bo'));

    await b.chat.send('hello from Bo');
    await a.chat.waitFor('hello from Bo', 'theirs');
    await c.chat.waitFor('hello from Bo', 'theirs');
    expect(await c.chat.log.locator('li[data-from="theirs"]').filter({ hasText: 'hello from Bo' }).textContent()).toMatch(/Bo/);

    const source = randomFile('to-everyone.bin', 3 * 1024 * 1024 + 11);
    const [chooser] = await Promise.all([b.page.waitForEvent('filechooser'), b.button('Send files to everyone').click()]);
    await chooser.setFiles([source]);
    for (const receiver of [a, c]) {
      await receiver.files.press('to-everyone.bin', 'Accept');
      await receiver.files.waitForPhase('to-everyone.bin', 'verified');
      expect(await receiver.files.saveAndHash('to-everyone.bin')).toBe(await sha256OfFile(source));
    }

    // A leaves: announced, and the link between B and C goes on.
    await a.button('New session').click();
    await member(b, 'Ann', 'left').waitFor({ timeout: 10_000 });
    await member(c, 'Ann', 'left').waitFor({ timeout: 10_000 });
    await b.chat.send('still here, Cy?');
    await c.chat.waitFor('still here, Cy?', 'theirs');
    await c.chat.send('yes, Bo');
    await b.chat.waitFor('yes, Bo', 'theirs');
  }, 120_000);
});
