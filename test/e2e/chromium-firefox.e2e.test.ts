import type { Browser as FirefoxBrowser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { linkFor } from '../../src/core/qr/qr-link.ts';
import { randomFile, sha256OfFile } from '../support/inputs/random-file.ts';
import { launchFirefox } from '../support/launch/firefox.ts';
import { newDevice } from '../support/launch/chromium.ts';
import { FirefoxPeer } from '../support/page/firefox-peer.ts';
import { PeerPage } from '../support/page/peer-page.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const chromium = useChromiumOnOfflineLan(['--use-fake-ui-for-media-stream']);
let firefox: FirefoxBrowser | undefined;
beforeAll(async () => {
  firefox = await launchFirefox();
});
afterAll(() => firefox?.close());

/** What a step of the exchange and of the conversation needs of one device, whichever its browser. */
interface Device {
  readonly name: string;
  createOffer(): Promise<string>;
  paste(text: string): Promise<void>;
  readAnswer(): Promise<string>;
  waitConnected(): Promise<void>;
  /** The six digits shown once the verification exchange is done, as `123 456`. */
  verificationCode(): Promise<string>;
  say(text: string): Promise<void>;
  hears(text: string): Promise<void>;
  sendFile(path: string): Promise<void>;
  /** Accepts the offered file and waits until it is verified here; its SHA-256 where the test can read it. */
  receiveFile(name: string): Promise<string | undefined>;
  waitSentVerified(name: string): Promise<void>;
  startVideo(): Promise<void>;
  waitForFlowingVideo(): Promise<void>;
}

async function openChromium(url: string): Promise<Device> {
  const context = await newDevice(chromium(), { camera: true });
  const page = url === baseUrl ? await PeerPage.open(context, url) : await PeerPage.openLink(context, url);
  return {
    name: 'Chromium',
    createOffer: () => page.createOffer(),
    paste: (text) => page.paste(text),
    readAnswer: () => page.readBlob('Answer'),
    waitConnected: () => page.waitForStatus('Connected'),
    verificationCode: async () => {
      const code = page.page.getByRole('group', { name: 'Verification code', exact: true });
      await code.filter({ hasText: /^\d{3} \d{3}$/ }).waitFor({ timeout: 10_000 });
      return (await code.textContent())!.trim();
    },
    say: (text) => page.chat.send(text),
    hears: (text) => page.chat.waitFor(text, 'theirs'),
    sendFile: (path) => page.files.send([path]),
    receiveFile: async (name) => {
      await page.files.press(name, 'Accept');
      await page.files.waitForPhase(name, 'verified');
      return page.files.saveAndHash(name);
    },
    waitSentVerified: (name) => page.files.waitForPhase(name, 'verified'),
    startVideo: () => page.call.start(),
    waitForFlowingVideo: () => page.call.waitForFlowingVideo(15_000),
  };
}

async function openFirefox(url: string): Promise<Device> {
  if (!firefox) throw new Error('Firefox is used before beforeAll ran');
  const peer = await FirefoxPeer.open(firefox, url);
  return {
    name: 'Firefox',
    createOffer: () => peer.createOffer(),
    paste: (text) => peer.paste(text),
    readAnswer: () => peer.readBlob('Answer'),
    waitConnected: () => peer.waitForStatus('Connected'),
    verificationCode: async () => {
      let code = '';
      await peer.waitFor(async () => /^\d{3} \d{3}$/.test((code = await peer.text('[role="group"][aria-labelledby].code'))), 'the verification code');
      return code;
    },
    say: (text) => peer.sendChat(text),
    hears: (text) => peer.waitForChat(text, 'theirs'),
    sendFile: (path) => peer.sendFile(path),
    receiveFile: async () => {
      await peer.waitFor(async () => (await peer.text('li[data-phase] button')) !== '', 'an offered file');
      await peer.press('Accept');
      // The page itself compares the sender's SHA-256 with its own before it says verified.
      await peer.waitForTransferPhase('verified');
      return undefined;
    },
    waitSentVerified: () => peer.waitForTransferPhase('verified'),
    startVideo: () => peer.press('Start video'),
    waitForFlowingVideo: () => peer.waitForFlowingVideo(),
  };
}

const OPEN = { Chromium: openChromium, Firefox: openFirefox } as const;

describe('Chromium and Firefox, offline LAN: each way, by text and by link', () => {
  test.each([
    ['Chromium', 'Firefox', 'text'],
    ['Chromium', 'Firefox', 'link'],
    ['Firefox', 'Chromium', 'text'],
    ['Firefox', 'Chromium', 'link'],
  ] as const)('%s offers, %s answers, codes by %s: one verification code, chat, a 5 MiB file intact, video both ways', async (offerer, answerer, via) => {
    const a = await OPEN[offerer](baseUrl);
    const offer = await a.createOffer();
    // By link: the answering device opens the offer's link (what its camera app does with the QR
    // code); the answer's link comes back through the paste box, as from a chat.
    const b = via === 'link' ? await OPEN[answerer](linkFor(baseUrl, offer)) : await OPEN[answerer](baseUrl);
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
