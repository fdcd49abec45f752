import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { PNG } from 'pngjs';
import { decodeQr } from '../../src/core/qr/qr-decode.ts';
import { compactCodec } from '../../src/core/signal/compact-codec.ts';
import { extractBlobText } from '../../src/core/signal/index.ts';
import { setNetworkShape } from '../support/launch/network.ts';
import { startStunServer, type StunServer } from '../support/launch/stun-server.ts';
import { waitUntilBothConnected } from '../support/page/peer-page.ts';
import { chatBothWays, openPair } from '../support/page/pair.ts';
import { useChromiumPerTest } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const browser = useChromiumPerTest();

/** Long enough for a test to read the first version of a code before the better one replaces it. */
const STUN_DELAY_MS = 1500;

/** What a code holds, decoded the way the other device decodes it. */
function described(blob: string) {
  const decoded = compactCodec.decode(blob);
  if (!decoded.ok) throw new Error(`not a code: ${decoded.error.code}`);
  const sdp = decoded.value.sdp;
  return {
    candidateTypes: [...sdp.matchAll(/^a=candidate:.* typ (\w+)/gm)].map((match) => match[1]),
    credentials: sdp.match(/^a=(ice-ufrag|ice-pwd|fingerprint):.*$/gm),
  };
}

/**
 * Only the offer is shown improving here: a Chromium answerer on this LAN reaches the offerer with
 * its first connectivity check and then stops gathering, so its server-reflexive candidate never
 * comes (the answer's updates are covered by the unit tests over linked connections).
 */
describe('the first code at once, improved in place (offline LAN, a STUN server that answers late)', () => {
  let stun: StunServer | undefined;
  beforeAll(async () => {
    setNetworkShape('lan-deadgw');
    stun = await startStunServer({ delayMs: STUN_DELAY_MS });
  });
  afterAll(() => stun?.close());

  test('an answer made from the first version of the offer connects after the offer was improved', async () => {
    const [a, b] = await openPair(await browser(), baseUrl);
    await a.settings.useIceServers([stun!.url]);
    // The server-reflexive candidate comes after the STUN delay; the default 1.5 s cap would end gathering first.
    await a.settings.setNumber('Address search limit (ms)', STUN_DELAY_MS + 3_000);

    // The offer is there with its host candidate, long before the STUN server answers…
    const firstOffer = await a.createOffer(STUN_DELAY_MS / 2);
    expect(described(firstOffer).candidateTypes).toEqual(['host']);
    // …and is replaced in place once it does, with the same credentials.
    await a.page.getByText(/^Improved: /).waitFor({ timeout: STUN_DELAY_MS + 5_000 });
    const offer = await a.blobBox('Offer').inputValue();
    expect(described(offer).candidateTypes).toEqual(['host', 'srflx']);
    expect(described(offer).credentials).toEqual(described(firstOffer).credentials);
    // The QR code on screen was redrawn with it too.
    const png = PNG.sync.read(await a.qrScreenshot('offer'));
    const qr = decodeQr({ data: new Uint8ClampedArray(png.data), width: png.width, height: png.height });
    expect(extractBlobText(qr ?? '')).toBe(offer);

    await b.paste(firstOffer);
    await a.paste(await b.readBlob('Answer'));
    await waitUntilBothConnected(a, b);
    await chatBothWays(a, b);
  });
});
