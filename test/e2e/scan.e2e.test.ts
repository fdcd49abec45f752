import { writeFileSync } from 'node:fs';
import { beforeAll, expect, inject, test } from 'vitest';
import { fakeCameraArgs, pngToY4m, writeFakeCamera } from '../support/inputs/fake-camera.ts';
import { newDevice } from '../support/launch/chromium.ts';
import { setNetworkShape } from '../support/launch/network.ts';
import { PeerPage, waitUntilBothConnected } from '../support/page/peer-page.ts';
import { useChromiumPerTest } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const launchBrowser = useChromiumPerTest();
/** One frame size for every fake camera file, so a file can be replaced under a running browser. */
const FRAME = { width: 1280, height: 720 };

beforeAll(() => setNetworkShape('lan-deadgw'));

async function deviceFilming(y4mPath: string): Promise<PeerPage> {
  const browser = await launchBrowser(fakeCameraArgs(y4mPath));
  return PeerPage.open(await newDevice(browser, { camera: true }), baseUrl);
}

test('offer and answer travel only as QR codes, screen → camera → jsqr, and both pages connect', async () => {
  // A's camera will film B's answer; until B has one, it films a blank white frame.
  const blank = await (await (await launchBrowser()).newPage({ viewport: { width: 64, height: 64 } })).screenshot();
  const aCamera = writeFakeCamera(blank, FRAME);
  const a = await deviceFilming(aCamera);
  await a.button('Create offer').click();
  await a.qrCode('offer').waitFor();

  const b = await deviceFilming(writeFakeCamera(await a.qrScreenshot('offer'), FRAME));
  await b.button('Scan').click();
  await b.qrCode('answer').waitFor({ timeout: 15_000 });

  // Chromium reopens its fake-capture file whenever a capture starts, so A now films the answer.
  writeFileSync(aCamera, pngToY4m(await b.qrScreenshot('answer'), FRAME));
  await a.button('Scan').click();
  await waitUntilBothConnected(a, b, 20_000);
  expect(await a.pasteBox.count()).toBe(0);
});
