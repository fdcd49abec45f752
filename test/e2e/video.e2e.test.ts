import { describe, expect, inject, test } from 'vitest';
import type { PeerPage } from '../support/page/peer-page.ts';
import { connectedPair } from '../support/page/pair.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
// Fake camera, microphone and screen; prompts answered automatically (TESTBED.md).
const browser = useChromiumOnOfflineLan(['--use-fake-ui-for-media-stream', '--auto-select-desktop-capture-source=Entire screen']);

/** True when (almost) no RTP packet of that kind arrived in `ms`: the sender stopped sending. */
async function packetsStall(peer: PeerPage, kind: 'audio' | 'video', ms = 1500): Promise<boolean> {
  await peer.page.waitForTimeout(500);
  const before = await peer.call.packetsReceived(kind);
  await peer.page.waitForTimeout(ms);
  return (await peer.call.packetsReceived(kind)) - before <= 2;
}

/** True when the remote video decoded (almost) no frame in `ms`: the sender's encoder stopped. */
async function videoStalls(peer: PeerPage, ms = 2000): Promise<boolean> {
  await peer.page.waitForTimeout(500);
  const before = await peer.call.remoteVideo();
  await peer.page.waitForTimeout(ms);
  return (await peer.call.remoteVideo()).frames - before.frames <= 2;
}

describe('video call negotiated over the data channel', () => {
  test('start, answer with video, mute, camera off, share screen, hang up, start again', async () => {
    const [a, b] = await connectedPair(browser(), baseUrl, { camera: true });

    await a.call.start();
    await b.call.waitForFlowingVideo();
    await b.call.start();
    await Promise.all([a.call.waitForFlowingVideo(), b.call.waitForFlowingVideo()]);

    await a.call.toggle('Mute');
    await b.page.getByText('They are muted.').waitFor();
    expect(await packetsStall(b, 'audio')).toBe(true);
    await a.call.toggle('Mute');
    expect(await packetsStall(b, 'audio')).toBe(false);

    await a.call.toggle('Camera off');
    await b.page.getByText('Their camera is off.').waitFor();
    expect(await videoStalls(b)).toBe(true);
    await a.call.toggle('Camera off');
    await b.call.waitForFlowingVideo();

    await a.call.toggle('Share screen');
    await b.page.getByText('They are sharing their screen.').waitFor();
    expect(await a.call.localVideoSource()).not.toBe('camera');
    await b.call.waitForFlowingVideo();
    await a.call.toggle('Share screen');
    expect(await a.call.localVideoSource()).toBe('camera');

    await a.call.hangUp();
    await Promise.all([a.call.startButton.waitFor(), b.call.startButton.waitFor()]);
    await a.chat.send('still here after hanging up');
    await b.chat.waitFor('still here after hanging up', 'theirs');

    await b.call.start();
    await a.call.waitForFlowingVideo();
    expect(await a.call.signalingState()).toBe('stable');
  });

  test('the Stats panel shows the round-trip time and the connection type', async () => {
    const [a] = await connectedPair(browser(), baseUrl, { camera: true });
    const rtt = a.page.locator('[data-stat="rtt"]');
    await rtt.filter({ hasText: /^\d+(\.\d+)? ms$/ }).waitFor({ timeout: 10_000 });
    expect(await a.page.locator('[data-stat="connection-type"]').textContent()).toBe('direct on LAN');
  });

  test('glare: both press Start video in the same instant, 10 times, and always converge', async () => {
    const [a, b] = await connectedPair(browser(), baseUrl, { camera: true });
    for (let round = 1; round <= 10; round++) {
      // Both clicks are scheduled for the same wall-clock millisecond (one machine, one clock).
      const at = Date.now() + 300;
      const clickAt = (time: number) => {
        const root = document.querySelector('p2p-app')?.shadowRoot?.querySelector('p2p-call')?.shadowRoot;
        const start = [...(root?.querySelectorAll('button') ?? [])].find((el) => el.textContent?.trim() === 'Start video');
        setTimeout(() => start?.click(), time - Date.now());
      };
      await Promise.all([a.page.evaluate(clickAt, at), b.page.evaluate(clickAt, at)]);
      await Promise.all([a.call.waitForFlowingVideo(), b.call.waitForFlowingVideo()]);
      await expect.poll(() => a.call.signalingState(), { timeout: 5000 }).toBe('stable');
      await expect.poll(() => b.call.signalingState(), { timeout: 5000 }).toBe('stable');
      await a.call.hangUp();
      await Promise.all([a.call.startButton.waitFor(), b.call.startButton.waitFor()]);
      await expect.poll(() => b.call.signalingState(), { timeout: 5000 }).toBe('stable');
    }
  }, 240_000);
});
