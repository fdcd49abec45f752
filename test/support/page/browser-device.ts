import type { Browser as ChromiumBrowser } from 'playwright-core';
import type { Browser as FirefoxBrowser } from 'puppeteer-core';
import { newDevice } from '../launch/chromium.ts';
import { FirefoxPeer } from './firefox-peer.ts';
import { PeerPage } from './peer-page.ts';

/** What a step of the exchange and of the conversation needs of one device, whichever its browser. */
export interface Device {
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
  /** Presses New session: the conversation ends here and the other device is told. */
  endSession(): Promise<void>;
  startVideo(): Promise<void>;
  waitForFlowingVideo(): Promise<void>;
}

/** A device in Chromium; `startPage` false: the URL is a link that carries a code and acts at once. */
export async function openChromium(browser: ChromiumBrowser, url: string, startPage = true): Promise<Device> {
  const context = await newDevice(browser, { camera: true });
  const page = startPage ? await PeerPage.open(context, url) : await PeerPage.openLink(context, url);
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
    endSession: () => page.button('New session').click(),
    startVideo: () => page.call.start(),
    waitForFlowingVideo: () => page.call.waitForFlowingVideo(15_000),
  };
}

export async function openFirefox(browser: FirefoxBrowser, url: string): Promise<Device> {
  const peer = await FirefoxPeer.open(browser, url);
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
    endSession: () => peer.press('New session'),
    startVideo: () => peer.press('Start video'),
    waitForFlowingVideo: () => peer.waitForFlowingVideo(),
  };
}
