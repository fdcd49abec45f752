import { beforeAll, describe, expect, inject, test } from 'vitest';
import { newDevice } from '../support/launch/chromium.ts';
import { setNetworkShape } from '../support/launch/network.ts';
import { PeerPage, waitUntilBothConnected } from '../support/page/peer-page.ts';
import { openPair } from '../support/page/pair.ts';
import { useChromiumPerTest } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const launchBrowser = useChromiumPerTest();

describe('LAN without a default route: Chromium gathers no candidate without camera permission', () => {
  beforeAll(() => setNetworkShape('lan'));

  test('the page says so, offers the camera fix, and the fix connects', async () => {
    const browser = await launchBrowser();
    const contextA = await newDevice(browser);
    const a = await PeerPage.open(contextA, baseUrl);
    const b = await PeerPage.open(await newDevice(browser, { camera: true }), baseUrl);

    await a.button('Create offer').click();
    await a.waitForStatus('No network address found.', 5_000);
    await a.waitForAlert(/found no network address.*Allow camera access/);
    expect(await a.blobBox('Offer').count()).toBe(0);

    await contextA.grantPermissions(['camera', 'microphone']);
    await a.button('Allow camera and try again').click();
    const offer = await a.readBlob('Offer');
    expect(await a.alert.count()).toBe(0);
    await b.paste(offer);
    await a.paste(await b.readBlob('Answer'));
    await waitUntilBothConnected(a, b);
  });
});

describe('a link that never comes up is reported as failed, not left hanging', () => {
  beforeAll(() => setNetworkShape('lan-deadgw'));

  test('the answerer gives up when its answer is never used', async () => {
    const [a, b] = await openPair(await launchBrowser(), baseUrl);
    await b.settings.setNumber('Answer waits to be used for (s)', 3);
    await b.paste(await a.createOffer());
    await b.readBlob('Answer');
    await b.waitForStatus('Connection failed: no link came up within 3 s.', 10_000);
    await b.button('Create offer').waitFor();
  });

  test('the offerer gives up when the answering device has gone away', async () => {
    const [a, b] = await openPair(await launchBrowser(), baseUrl);
    await a.settings.setNumber('Connection timeout after the answer (s)', 3);
    await b.paste(await a.createOffer());
    const answer = await b.readBlob('Answer');
    await b.page.close();
    await a.paste(answer);
    await a.waitForStatus(/^Connection failed: /, 10_000);
    // The default STUN servers are black-holed here, and neither page may use the camera: the
    // failure screen says so, most likely cause first, each with its fix.
    const causes = await a.page.locator('.trouble li').allInnerTexts();
    expect(causes[0]).toMatch(/^No STUN server answered.*Check the STUN URLs in Settings/s);
    expect(causes).toContainEqual(expect.stringMatching(/^Both devices offered only hidden local names \(\.local\)/));
  });
});
