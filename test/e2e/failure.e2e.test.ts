import type { Browser } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium, newDevice } from './harness/browser.ts';
import { setNetworkShape } from './harness/network.ts';
import { PeerPage } from './harness/peer.page.ts';

const baseUrl = inject('baseUrl');
let browser: Browser | undefined;

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

describe('LAN without a default route: Chromium gathers no candidate without camera permission', () => {
  beforeAll(() => setNetworkShape('lan'));

  test('the page says so, offers the camera fix, and the fix connects', async () => {
    browser = await launchChromium();
    const contextA = await newDevice(browser);
    const a = await PeerPage.open(contextA, baseUrl);
    const b = await PeerPage.open(await newDevice(browser, { camera: true }), baseUrl);

    await a.page.getByRole('button', { name: 'Create offer', exact: true }).click();
    await a.waitForStatus('No network address found.', 5_000);
    await a.waitForAlert(/found no network address.*Allow camera access/);
    expect(await a.blobBox('Offer').count()).toBe(0);

    await contextA.grantPermissions(['camera', 'microphone']);
    await a.page.getByRole('button', { name: 'Allow camera and try again', exact: true }).click();
    const offer = await a.readBlob('Offer');
    expect(await a.alert.count()).toBe(0);
    await b.paste(offer);
    await a.paste(await b.readBlob('Answer'));
    await Promise.all([a.waitForStatus('Connected'), b.waitForStatus('Connected')]);
  });
});

describe('a link that never comes up is reported as failed, not left hanging', () => {
  beforeAll(() => setNetworkShape('lan-deadgw'));

  test('the answerer gives up when its answer is never used', async () => {
    browser = await launchChromium();
    const a = await PeerPage.open(await newDevice(browser), baseUrl);
    const b = await PeerPage.open(await newDevice(browser), baseUrl);
    await b.setNumberSetting('Answer waits to be used for (s)', 3);
    await b.paste(await a.createOffer());
    await b.readBlob('Answer');
    await b.waitForStatus('Connection failed: no link came up within 3 s.', 10_000);
    await b.page.getByRole('button', { name: 'Create offer', exact: true }).waitFor();
  });

  test('the offerer gives up when the answering device has gone away', async () => {
    browser = await launchChromium();
    const a = await PeerPage.open(await newDevice(browser), baseUrl);
    const b = await PeerPage.open(await newDevice(browser), baseUrl);
    await a.setNumberSetting('Connection timeout after the answer (s)', 3);
    await b.paste(await a.createOffer());
    const answer = await b.readBlob('Answer');
    await b.page.close();
    await a.paste(answer);
    await a.waitForStatus(/^Connection failed: /, 10_000);
  });
});
