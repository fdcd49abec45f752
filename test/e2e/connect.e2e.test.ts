import type { Browser } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium, newDevice } from './harness/browser.ts';
import { setNetworkShape } from './harness/network.ts';
import { connectThroughUi, PeerPage } from './harness/peer.page.ts';

const baseUrl = inject('baseUrl');
const browsers: Browser[] = [];

async function browser(): Promise<Browser> {
  const launched = await launchChromium();
  browsers.push(launched);
  return launched;
}

afterEach(async () => {
  await Promise.all(browsers.splice(0).map((b) => b.close()));
});

async function chatBothWays(a: PeerPage, b: PeerPage): Promise<void> {
  await a.sendChat('hello from A');
  await b.waitForChat('hello from A', 'theirs');
  await a.waitForChat('hello from A', 'mine');
  await b.sendChat('and hello from B');
  await a.waitForChat('and hello from B', 'theirs');
  await b.waitForChat('and hello from B', 'mine');
  expect(await a.log.locator('li').count()).toBe(2);
  expect(await b.log.locator('time').count()).toBe(2);
}

describe('offline LAN, default STUN list black-holed', () => {
  beforeAll(() => setNetworkShape('lan-deadgw'));

  test('two devices in one browser connect by pasted text and chat both ways', async () => {
    const shared = await browser();
    const a = await PeerPage.open(await newDevice(shared), baseUrl);
    const b = await PeerPage.open(await newDevice(shared), baseUrl);
    // STUN times out after 13–40 s here; the gathering cap (1.5 s) must make the offer ready long before.
    const offer = await a.createOffer(5_000);
    expect(offer.length).toBeGreaterThan(20);
    await b.paste(offer);
    const answer = await b.readBlob('Answer', 5_000);
    await a.paste(answer);
    await Promise.all([a.waitForStatus('Connected'), b.waitForStatus('Connected')]);
    await chatBothWays(a, b);
  });

  test('two devices in separate browser processes connect and chat', async () => {
    const a = await PeerPage.open(await newDevice(await browser()), baseUrl);
    const b = await PeerPage.open(await newDevice(await browser()), baseUrl);
    await connectThroughUi(a, b);
    await chatBothWays(a, b);
  });

  test('New session returns both sides to the start, and they can connect again', async () => {
    const shared = await browser();
    const a = await PeerPage.open(await newDevice(shared), baseUrl);
    const b = await PeerPage.open(await newDevice(shared), baseUrl);
    await connectThroughUi(a, b);
    await a.page.getByRole('button', { name: 'New session', exact: true }).click();
    await a.waitForStatus(/^Ready\./);
    await b.waitForStatus('Session ended by the other device.');
    await b.page.getByRole('button', { name: 'New session', exact: true }).click();
    await b.waitForStatus(/^Ready\./);
    await connectThroughUi(b, a);
    await chatBothWays(b, a);
  });
});

describe('LAN with camera permission and an empty ICE server list', () => {
  beforeAll(() => setNetworkShape('lan'));

  test('raw host addresses connect with no ICE servers at all', async () => {
    const shared = await browser();
    const a = await PeerPage.open(await newDevice(shared, { camera: true }), baseUrl);
    const b = await PeerPage.open(await newDevice(shared, { camera: true }), baseUrl);
    await a.removeAllIceServers();
    await b.removeAllIceServers();
    await connectThroughUi(a, b);
    await chatBothWays(a, b);
  });
});
