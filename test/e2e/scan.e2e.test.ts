import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchChromium, newDevice } from './harness/browser.ts';
import { setNetworkShape } from './harness/network.ts';
import { PeerPage } from './harness/peer.page.ts';
import { fakeCameraArgs, pngToY4m, writeFakeCamera } from './harness/y4m.ts';

const baseUrl = inject('baseUrl');
const browsers: Browser[] = [];
/** One frame size for every fake camera file, so a file can be replaced under a running browser. */
const FRAME = { width: 1280, height: 720 };

beforeAll(() => setNetworkShape('lan-deadgw'));
afterAll(() => Promise.all(browsers.map((browser) => browser.close())));

async function deviceFilming(y4mPath: string): Promise<PeerPage> {
  const browser = await launchChromium(fakeCameraArgs(y4mPath));
  browsers.push(browser);
  return PeerPage.open(await newDevice(browser, { camera: true }), baseUrl);
}

async function qrScreenshot(peer: PeerPage, kind: 'offer' | 'answer'): Promise<Buffer> {
  return peer.page.getByRole('img', { name: `QR code of the ${kind}` }).screenshot();
}

test('offer and answer travel only as QR codes, screen → camera → jsqr, and both pages connect', async () => {
  // A's camera will film B's answer; until B has one, it films a blank white frame.
  const blank = await (async () => {
    const browser = await launchChromium();
    browsers.push(browser);
    const page = await browser.newPage({ viewport: { width: 64, height: 64 } });
    return page.screenshot();
  })();
  const aCamera = writeFakeCamera(blank, FRAME);
  const a = await deviceFilming(aCamera);
  await a.page.getByRole('button', { name: 'Create offer', exact: true }).click();
  await a.page.getByRole('img', { name: 'QR code of the offer' }).waitFor();

  const b = await deviceFilming(writeFakeCamera(await qrScreenshot(a, 'offer'), FRAME));
  await b.page.getByRole('button', { name: 'Scan', exact: true }).click();
  await b.page.getByRole('img', { name: 'QR code of the answer' }).waitFor({ timeout: 15_000 });

  // Chromium reopens its fake-capture file whenever a capture starts, so A now films the answer.
  writeFileSync(aCamera, pngToY4m(await qrScreenshot(b, 'answer'), FRAME));
  await a.page.getByRole('button', { name: 'Scan', exact: true }).click();
  await Promise.all([a.waitForStatus('Connected', 20_000), b.waitForStatus('Connected', 20_000)]);
  expect(await a.page.getByRole('textbox', { name: 'Paste offer or answer', exact: true }).count()).toBe(0);
});
