import { beforeAll, describe, expect, inject, test } from 'vitest';
import { setNetworkShape } from '../support/launch/network.ts';
import { waitUntilBothConnected, type PeerPage } from '../support/page/peer-page.ts';
import { connectedPair } from '../support/page/pair.ts';
import { useChromiumPerTest } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const browser = useChromiumPerTest();

const SAME = 'The same device as before';
const NEW = 'A device you have not connected to before';

/** The fingerprint of the certificate this page's connection uses, from the connection's own statistics. */
function localFingerprint(peer: PeerPage): Promise<string> {
  return peer.page.evaluate(async () => {
    const stats = [...((await document.querySelector('p2p-app')?.getStats())?.values() ?? [])];
    const transport = stats.find((report) => report.type === 'transport');
    const certificate = stats.find((report) => report.id === transport?.localCertificateId);
    if (!certificate) throw new Error('no local certificate in the statistics');
    return certificate.fingerprint as string;
  });
}

/** When the certificate kept in this page's storage expires (epoch ms). */
function storedCertificateExpiry(peer: PeerPage): Promise<number> {
  return peer.page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('p2p-direct.identity');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('certificate').objectStore('certificate').get('own');
          read.onsuccess = () => resolve((read.result as RTCCertificate).expires);
        };
      }),
  );
}

async function recognitionShown(peer: PeerPage, line: string): Promise<void> {
  await peer.page.getByText(line, { exact: true }).waitFor({ timeout: 5_000 });
}

/** A ends the session, B starts over too, and they connect again through the UI. */
async function reconnect(a: PeerPage, b: PeerPage): Promise<void> {
  await a.button('New session').click();
  await b.waitForStatus('Session ended by the other device.');
  await b.button('New session').click();
  await Promise.all([a.waitForStatus(/^Ready\./), b.waitForStatus(/^Ready\./)]);
  await a.connectTo(b);
}

describe('a remembered device (offline LAN)', () => {
  beforeAll(() => setNetworkShape('lan-deadgw'));

  test('two pages keep their fingerprints from session to session and after a reload, and say so; Forget gives a new one', async () => {
    const [a, b] = await connectedPair(await browser(), baseUrl);
    const fingerprints = { a: await localFingerprint(a), b: await localFingerprint(b) };
    expect(fingerprints.a).not.toBe(fingerprints.b);
    await Promise.all([recognitionShown(a, NEW), recognitionShown(b, NEW)]);
    // Kept for about a year (Chromium's default would be 30 days), so renewal is rare.
    expect(await storedCertificateExpiry(a)).toBeGreaterThan(Date.now() + 300 * 24 * 3600 * 1000);

    // New session, then connect again: the same certificates, and each page knows the other.
    await reconnect(a, b);
    expect({ a: await localFingerprint(a), b: await localFingerprint(b) }).toEqual(fingerprints);
    await Promise.all([recognitionShown(a, SAME), recognitionShown(b, SAME)]);

    // A later visit: both pages reloaded, the certificates come from storage.
    await Promise.all([a.page.reload(), b.page.reload()]);
    await Promise.all([a.button('Create offer').waitFor(), b.button('Create offer').waitFor()]);
    await a.connectTo(b);
    expect({ a: await localFingerprint(a), b: await localFingerprint(b) }).toEqual(fingerprints);
    await Promise.all([recognitionShown(a, SAME), recognitionShown(b, SAME)]);

    // A forgets: its next connection has a new fingerprint, and neither side knows the other.
    await a.settings.open();
    await a.button('Forget this device').click();
    await a.page.getByText(/^Forgotten\. From the next connection/).waitFor();
    await reconnect(a, b);
    await waitUntilBothConnected(a, b);
    expect(await localFingerprint(a)).not.toBe(fingerprints.a);
    expect(await localFingerprint(b)).toBe(fingerprints.b);
    await Promise.all([recognitionShown(a, NEW), recognitionShown(b, NEW)]);
  });
});
