import { beforeAll, describe, expect, inject, test } from 'vitest';
import { setNetworkShape } from '../support/launch/network.ts';
import { waitUntilBothConnected } from '../support/page/peer-page.ts';
import { chatBothWays, connectedPair, openPair } from '../support/page/pair.ts';
import { useChromiumPerTest } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const browser = useChromiumPerTest();

describe('offline LAN, default STUN list black-holed', () => {
  beforeAll(() => setNetworkShape('lan-deadgw'));

  test('two devices in one browser connect by pasted text and chat both ways', async () => {
    const [a, b] = await openPair(await browser(), baseUrl);
    // STUN times out after 13–40 s here; the gathering cap (1.5 s) must make the offer ready long before.
    const offer = await a.createOffer(5_000);
    expect(offer.length).toBeGreaterThan(20);
    await b.paste(offer);
    const answer = await b.readBlob('Answer', 5_000);
    await a.paste(answer);
    await waitUntilBothConnected(a, b);
    await chatBothWays(a, b);
  });

  test('two devices in separate browser processes connect and chat', async () => {
    const [a, b] = await connectedPair([await browser(), await browser()], baseUrl);
    await chatBothWays(a, b);
  });

  test('New session returns both sides to the start, and they can connect again', async () => {
    const [a, b] = await connectedPair(await browser(), baseUrl);
    await a.button('New session').click();
    await a.waitForStatus(/^Ready\./);
    await b.waitForStatus('Session ended by the other device.');
    await b.button('New session').click();
    await b.waitForStatus(/^Ready\./);
    await b.connectTo(a);
    await chatBothWays(b, a);
  });
});

describe('LAN with camera permission and an empty ICE server list', () => {
  beforeAll(() => setNetworkShape('lan'));

  test('raw host addresses connect with no ICE servers at all', async () => {
    const [a, b] = await openPair(await browser(), baseUrl, { camera: true });
    await a.settings.removeAllIceServers();
    await b.settings.removeAllIceServers();
    await a.connectTo(b);
    await chatBothWays(a, b);
  });
});
