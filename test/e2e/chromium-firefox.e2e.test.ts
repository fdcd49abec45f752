import type { Browser as FirefoxBrowser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { linkFor } from '../../src/core/qr/qr-link.ts';
import { randomFile, sha256OfFile } from '../support/inputs/random-file.ts';
import { launchFirefox } from '../support/launch/firefox.ts';
import { openChromium, openFirefox, type Device } from '../support/page/browser-device.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const chromium = useChromiumOnOfflineLan(['--use-fake-ui-for-media-stream']);
let firefox: FirefoxBrowser | undefined;
beforeAll(async () => {
  firefox = await launchFirefox();
});
afterAll(() => firefox?.close());

function openDevice(browser: 'Chromium' | 'Firefox', url: string): Promise<Device> {
  if (browser === 'Chromium') return openChromium(chromium(), url, url === baseUrl);
  if (!firefox) throw new Error('Firefox is used before beforeAll ran');
  return openFirefox(firefox, url);
}

describe('Chromium and Firefox, offline LAN: each way, by text and by link', () => {
  test.each([
    ['Chromium', 'Firefox', 'text'],
    ['Chromium', 'Firefox', 'link'],
    ['Firefox', 'Chromium', 'text'],
    ['Firefox', 'Chromium', 'link'],
  ] as const)('%s offers, %s answers, codes by %s: one verification code, chat, a 5 MiB file intact, video both ways', async (offerer, answerer, via) => {
    const a = await openDevice(offerer, baseUrl);
    const offer = await a.createOffer();
    // By link: the answering device opens the offer's link (what its camera app does with the QR
    // code); the answer's link comes back through the paste box, as from a chat.
    const b = via === 'link' ? await openDevice(answerer, linkFor(baseUrl, offer)) : await openDevice(answerer, baseUrl);
    if (via === 'text') await b.paste(offer);
    const answer = await b.readAnswer();
    await a.paste(via === 'link' ? linkFor(baseUrl, answer) : answer);
    await Promise.all([a.waitConnected(), b.waitConnected()]);
    // Each browser reads both fingerprints from its own descriptions, spelled its own way.
    const code = await a.verificationCode();
    expect(await b.verificationCode()).toBe(code);

    await a.say(`hello from ${a.name}`);
    await b.hears(`hello from ${a.name}`);
    await b.say(`hello from ${b.name}`);
    await a.hears(`hello from ${b.name}`);

    const name = `${offerer}-${via}.bin`;
    const path = randomFile(name, 5 * 1024 * 1024);
    await a.sendFile(path);
    const received = await b.receiveFile(name);
    await a.waitSentVerified(name);
    if (received !== undefined) expect(received).toBe(await sha256OfFile(path));

    await a.startVideo();
    await b.waitForFlowingVideo();
    await b.startVideo();
    await a.waitForFlowingVideo();
  }, 90_000);
});
