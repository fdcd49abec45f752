import { describe, expect, inject, test } from 'vitest';
import { launchChromium, newDevice } from '../support/launch/chromium.ts';
import { PeerPage, waitUntilBothConnected } from '../support/page/peer-page.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const browser = useChromiumOnOfflineLan();

async function openAt(url: string): Promise<PeerPage> {
  return PeerPage.openLink(await newDevice(browser()), url);
}

describe('a link with the blob in its fragment', () => {
  test('opening …/#<offer> answers at once, with no click, and clears the address bar', async () => {
    const a = await openAt(baseUrl);
    const offer = await a.createOffer();
    const b = await openAt(`${baseUrl}#${offer}`);
    await b.readBlob('Answer');
    expect(new URL(b.page.url()).hash).toBe('');
    await a.paste(await b.readBlob('Answer'));
    await waitUntilBothConnected(a, b);
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
    const png = await a.qrScreenshot('offer');
    const b = await openAt(baseUrl);
    await b.chooseImage('offer.png', png);
    await b.readBlob('Answer');
  });

  test('a pasted screenshot of the answer QR connects', async () => {
    const a = await openAt(baseUrl);
    const b = await openAt(baseUrl);
    await b.paste(await a.createOffer());
    await b.readBlob('Answer');
    await a.pasteImage(await b.qrScreenshot('answer'));
    await waitUntilBothConnected(a, b);
  });

  test('an image without a QR code says so and changes nothing', async () => {
    const a = await openAt(baseUrl);
    const blank = await a.page.getByRole('heading', { name: 'P2P Direct' }).screenshot();
    await a.chooseImage('heading.png', blank);
    await a.waitForAlert(/No QR code was found/);
    await a.waitForStatus(/^Ready\./);
  });
});

describe('camera problems leave the paste path open', () => {
  test('denied permission', async () => {
    const a = await openAt(baseUrl);
    await a.button('Scan').click();
    await a.waitForAlert(/Camera access was denied/);
    await a.pasteBox.waitFor();
  });

  test('no camera at all', async () => {
    // Without the fake-device flag, this machine has no camera.
    const noCamera = await launchChromium([], { fakeDevices: false });
    try {
      const a = await PeerPage.open(await newDevice(noCamera, { camera: true }), baseUrl);
      await a.button('Scan').click();
      await a.waitForAlert(/No camera was found/);
    } finally {
      await noCamera.close();
    }
  });

  test('an insecure origin (plain http on a LAN address)', async () => {
    const lanUrl = baseUrl.replace('127.0.0.1', '10.99.0.2');
    const a = await PeerPage.open(await newDevice(browser(), { camera: true }), lanUrl);
    await a.button('Scan').click();
    await a.waitForAlert(/secure page/);
  });
});
