import { describe, expect, inject, test } from 'vitest';
import { launchChromium, newDevice } from './harness/browser.ts';
import { useChromiumOnOfflineLan } from './harness/shared-browser.ts';
import { PeerPage } from './harness/peer.page.ts';

const baseUrl = inject('baseUrl');
const browser = useChromiumOnOfflineLan();

async function openAt(url: string): Promise<PeerPage> {
  return PeerPage.openLink(await newDevice(browser()), url);
}

/** The QR code as a user would photograph it: a screenshot of the element on screen. */
async function qrScreenshot(peer: PeerPage, kind: 'offer' | 'answer'): Promise<Buffer> {
  return peer.page.getByRole('img', { name: `QR code of the ${kind}` }).screenshot();
}

describe('a link with the blob in its fragment', () => {
  test('opening …/#<offer> answers at once, with no click, and clears the address bar', async () => {
    const a = await openAt(baseUrl);
    const offer = await a.createOffer();
    const b = await PeerPage.openLink(await newDevice(browser()), `${baseUrl}#${offer}`);
    await b.readBlob('Answer');
    expect(new URL(b.page.url()).hash).toBe('');
    await a.paste(await b.readBlob('Answer'));
    await Promise.all([a.waitForStatus('Connected'), b.waitForStatus('Connected')]);
  });

  test('opening a link with an answer or a damaged blob explains what to do instead', async () => {
    const a = await openAt(baseUrl);
    const b = await openAt(baseUrl);
    await b.paste(await a.createOffer());
    const answer = await b.readBlob('Answer');

    const c = await openAt(`${baseUrl}#${answer}`);
    await c.waitForAlert(/link you opened.*answer.*device that created the offer/);
    const damaged = answer.slice(0, 30) + (answer[30] === 'A' ? 'B' : 'A') + answer.slice(31);
    const d = await openAt(`${baseUrl}#${damaged}`);
    await d.waitForAlert(/link you opened.*damaged/);
    await d.waitForStatus(/^Ready\./);
  });
});

describe('a QR code read from an image', () => {
  test('a chosen image file of the offer QR is answered', async () => {
    const a = await openAt(baseUrl);
    await a.createOffer();
    const png = await qrScreenshot(a, 'offer');
    const b = await openAt(baseUrl);
    const [chooser] = await Promise.all([
      b.page.waitForEvent('filechooser'),
      b.page.getByRole('button', { name: 'Choose image', exact: true }).click(),
    ]);
    await chooser.setFiles({ name: 'offer.png', mimeType: 'image/png', buffer: png });
    await b.readBlob('Answer');
  });

  test('a pasted screenshot of the answer QR connects', async () => {
    const a = await openAt(baseUrl);
    const b = await openAt(baseUrl);
    await b.paste(await a.createOffer());
    await b.readBlob('Answer');
    const png = await qrScreenshot(b, 'answer');
    await a.page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'screenshot.png', { type: 'image/png' }));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, png.toString('base64'));
    await Promise.all([a.waitForStatus('Connected'), b.waitForStatus('Connected')]);
  });

  test('an image without a QR code says so and changes nothing', async () => {
    const a = await openAt(baseUrl);
    const [chooser] = await Promise.all([
      a.page.waitForEvent('filechooser'),
      a.page.getByRole('button', { name: 'Choose image', exact: true }).click(),
    ]);
    const blank = await a.page.getByRole('heading', { name: 'P2P Direct' }).screenshot();
    await chooser.setFiles({ name: 'heading.png', mimeType: 'image/png', buffer: blank });
    await a.waitForAlert(/No QR code was found/);
    await a.waitForStatus(/^Ready\./);
  });
});

describe('camera problems leave the paste path open', () => {
  test('denied permission', async () => {
    const a = await openAt(baseUrl);
    await a.page.getByRole('button', { name: 'Scan', exact: true }).click();
    await a.waitForAlert(/Camera access was denied/);
    await a.page.getByRole('textbox', { name: 'Paste offer or answer', exact: true }).waitFor();
  });

  test('no camera at all', async () => {
    // Without the fake-device flag, this machine has no camera.
    const noCamera = await launchChromium([], { fakeDevices: false });
    try {
      const a = await PeerPage.open(await newDevice(noCamera, { camera: true }), baseUrl);
      await a.page.getByRole('button', { name: 'Scan', exact: true }).click();
      await a.waitForAlert(/No camera was found/);
    } finally {
      await noCamera.close();
    }
  });

  test('an insecure origin (plain http on a LAN address)', async () => {
    const lanUrl = baseUrl.replace('127.0.0.1', '10.99.0.2');
    const a = await PeerPage.open(await newDevice(browser(), { camera: true }), lanUrl);
    await a.page.getByRole('button', { name: 'Scan', exact: true }).click();
    await a.waitForAlert(/secure page/);
  });
});
