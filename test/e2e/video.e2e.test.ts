import { describe, expect, inject, test } from 'vitest';
import { newDevice } from './harness/browser.ts';
import { useChromiumOnOfflineLan } from './harness/shared-browser.ts';
import { connectThroughUi, packetsReceived, PeerPage, remoteVideo, signalingState, waitForFlowingVideo } from './harness/peer.page.ts';

const baseUrl = inject('baseUrl');
// Fake camera, microphone and screen; prompts answered automatically (TESTBED.md).
const browser = useChromiumOnOfflineLan(['--use-fake-ui-for-media-stream', '--auto-select-desktop-capture-source=Entire screen']);

async function connectedPair(): Promise<[PeerPage, PeerPage]> {
  const a = await PeerPage.open(await newDevice(browser(), { camera: true }), baseUrl);
  const b = await PeerPage.open(await newDevice(browser(), { camera: true }), baseUrl);
  await connectThroughUi(a, b);
  return [a, b];
}

const button = (peer: PeerPage, name: string) => peer.page.getByRole('button', { name, exact: true });

/** True when (almost) no RTP packet of that kind arrived in `ms`: the sender stopped sending. */
async function packetsStall(peer: PeerPage, kind: 'audio' | 'video', ms = 1500): Promise<boolean> {
  await peer.page.waitForTimeout(500);
  const before = await packetsReceived(peer, kind);
  await peer.page.waitForTimeout(ms);
  return (await packetsReceived(peer, kind)) - before <= 2;
}

/** True when the remote video decoded (almost) no frame in `ms`: the sender's encoder stopped. */
async function videoStalls(peer: PeerPage, ms = 2000): Promise<boolean> {
  await peer.page.waitForTimeout(500);
  const before = await remoteVideo(peer);
  await peer.page.waitForTimeout(ms);
  return (await remoteVideo(peer)).frames - before.frames <= 2;
}

describe('video call negotiated over the data channel', () => {
  test('start, answer with video, mute, camera off, share screen, hang up, start again', async () => {
    const [a, b] = await connectedPair();

    await button(a, 'Start video').click();
    await waitForFlowingVideo(b);
    await button(b, 'Start video').click();
    await Promise.all([waitForFlowingVideo(a), waitForFlowingVideo(b)]);

    await button(a, 'Mute').click();
    await b.page.getByText('They are muted.').waitFor();
    expect(await packetsStall(b, 'audio')).toBe(true);
    await button(a, 'Mute').click();
    expect(await packetsStall(b, 'audio')).toBe(false);

    await button(a, 'Camera off').click();
    await b.page.getByText('Their camera is off.').waitFor();
    expect(await videoStalls(b)).toBe(true);
    await button(a, 'Camera off').click();
    await waitForFlowingVideo(b);

    await button(a, 'Share screen').click();
    await b.page.getByText('They are sharing their screen.').waitFor();
    const surface = () =>
      a.page.locator('video[aria-label="Your camera"]').evaluate((video: HTMLVideoElement) => {
        const settings = (video.srcObject as MediaStream).getVideoTracks()[0]?.getSettings() as { displaySurface?: string };
        return settings?.displaySurface ?? 'camera';
      });
    expect(await surface()).not.toBe('camera');
    await waitForFlowingVideo(b);
    await button(a, 'Share screen').click();
    expect(await surface()).toBe('camera');

    await button(a, 'Hang up').click();
    await Promise.all([button(a, 'Start video').waitFor(), button(b, 'Start video').waitFor()]);
    await a.sendChat('still here after hanging up');
    await b.waitForChat('still here after hanging up', 'theirs');

    await button(b, 'Start video').click();
    await waitForFlowingVideo(a);
    expect(await signalingState(a)).toBe('stable');
  });

  test('the Stats panel shows the round-trip time and the connection type', async () => {
    const [a] = await connectedPair();
    const rtt = a.page.locator('[data-stat="rtt"]');
    await rtt.filter({ hasText: /^\d+(\.\d+)? ms$/ }).waitFor({ timeout: 10_000 });
    expect(await a.page.locator('[data-stat="connection-type"]').textContent()).toBe('direct on LAN');
  });

  test('glare: both press Start video in the same instant, 10 times, and always converge', async () => {
    const [a, b] = await connectedPair();
    for (let round = 1; round <= 10; round++) {
      // Both clicks are scheduled for the same wall-clock millisecond (one machine, one clock).
      const at = Date.now() + 300;
      const clickAt = (time: number) => {
        const root = document.querySelector('p2p-app')?.shadowRoot?.querySelector('p2p-call')?.shadowRoot;
        const start = [...(root?.querySelectorAll('button') ?? [])].find((el) => el.textContent?.trim() === 'Start video');
        setTimeout(() => start?.click(), time - Date.now());
      };
      await Promise.all([a.page.evaluate(clickAt, at), b.page.evaluate(clickAt, at)]);
      await Promise.all([waitForFlowingVideo(a), waitForFlowingVideo(b)]);
      await expect.poll(() => signalingState(a), { timeout: 5000 }).toBe('stable');
      await expect.poll(() => signalingState(b), { timeout: 5000 }).toBe('stable');
      await button(a, 'Hang up').click();
      await Promise.all([button(a, 'Start video').waitFor(), button(b, 'Start video').waitFor()]);
      await expect.poll(() => signalingState(b), { timeout: 5000 }).toBe('stable');
    }
  }, 240_000);
});
