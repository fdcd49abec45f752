import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser as FirefoxBrowser } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { linkFor } from '../../src/core/qr/qr-link.ts';
import { compactCodec } from '../../src/core/signal/compact-codec.ts';
import { CliProcess } from '../support/cli/cli-process.ts';
import { randomFile, scratchPath, sha256OfFile } from '../support/inputs/random-file.ts';
import { launchFirefox } from '../support/launch/firefox.ts';
import { startTurnServer } from '../support/launch/turn-server.ts';
import { openChromium, openFirefox, type Device } from '../support/page/browser-device.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

// The terminal peer (src/cli) against the built page, in both browsers, on the offline LAN: no
// STUN, no TURN; the CLI's codes go to the page as a person would carry them, and back.

const baseUrl = inject('baseUrl');
const chromium = useChromiumOnOfflineLan();
let firefox: FirefoxBrowser | undefined;
beforeAll(async () => {
  firefox = await launchFirefox();
});
afterAll(() => firefox?.close());

const OFFLINE = ['--no-ice-servers'];
let running: CliProcess[] = [];
afterEach(() => {
  for (const cli of running.splice(0)) cli.kill();
});

function cli(...args: string[]): CliProcess {
  const started = new CliProcess([...args, ...OFFLINE]);
  running.push(started);
  return started;
}

function openDevice(browser: 'Chromium' | 'Firefox', url = baseUrl): Promise<Device> {
  if (browser === 'Chromium') return openChromium(chromium(), url, url === baseUrl);
  if (!firefox) throw new Error('Firefox is used before beforeAll ran');
  return openFirefox(firefox, url);
}

async function verificationCodeOf(terminal: CliProcess): Promise<string> {
  return /Verification code: (\d{3} \d{3})/.exec(await terminal.line(/^Verification code: /))![1]!;
}

describe.each(['Chromium', 'Firefox'] as const)('the terminal peer and a %s page', (browser) => {
  test('the CLI offers a 50 MiB file, the page answers: it arrives verified, with one verification code', async () => {
    const source = randomFile(`cli-to-${browser}.bin`, 50 * 1024 * 1024);
    // Chromium opens the QR code's link, as a phone's camera app would; Firefox gets the bare code pasted.
    const sender = cli('send', source, ...(browser === 'Chromium' ? ['--page', baseUrl] : []));
    const offer = await sender.code();
    const page = browser === 'Chromium' ? await openDevice(browser, linkFor(baseUrl, offer)) : await openDevice(browser);
    if (browser === 'Chromium') expect(sender.lines).toContain(linkFor(baseUrl, offer));
    else await page.paste(offer);
    sender.write(await page.readAnswer());
    await page.waitConnected();
    expect(await page.verificationCode()).toBe(await verificationCodeOf(sender));

    const received = await page.receiveFile(`cli-to-${browser}.bin`);
    if (received !== undefined) expect(received).toBe(await sha256OfFile(source));
    await sender.line(/^1 of 1 file arrived verified\.$/);
    // The page holds the file only while the conversation lasts: the terminal waits for it to end.
    await page.endSession();
    expect(await sender.exited, sender.transcript()).toBe(EXIT.ok);
  }, 120_000);

  test('the page offers, the CLI answers and receives a file, written verified under its name', async () => {
    const folder = scratchPath(`from-${browser}`);
    mkdirSync(folder, { recursive: true });
    const receiver = cli('receive', folder, '--answer');
    const page = await openDevice(browser);
    receiver.write(await page.createOffer());
    await page.paste(await receiver.code());
    await page.waitConnected();
    expect(await page.verificationCode()).toBe(await verificationCodeOf(receiver));

    const source = randomFile(`${browser}-to-cli.bin`, 20 * 1024 * 1024 + 5);
    await page.sendFile(source);
    // Its files written, the terminal ends the session itself (the page then says so).
    expect(await receiver.exited, receiver.transcript()).toBe(EXIT.ok);
    expect(await sha256OfFile(join(folder, `${browser}-to-cli.bin`))).toBe(await sha256OfFile(source));
    expect(receiver.lines.join('\n')).toMatch(/verified \(SHA-256 matches\), saved as .*-to-cli\.bin/);
  }, 90_000);

  test('chat both ways; the end of the terminal input ends the conversation on the page', async () => {
    const terminal = cli('chat');
    const page = await openDevice(browser);
    await page.paste(await terminal.code());
    terminal.write(await page.readAnswer());
    await page.waitConnected();
    await terminal.line(/^Connected\.$/);
    terminal.write('hello from the terminal, 안녕');
    await page.hears('hello from the terminal, 안녕');
    await page.say(`hello from ${browser}`);
    expect(await terminal.line(/^them: /)).toBe(`them: hello from ${browser}`);
    terminal.endInput();
    expect(await terminal.exited, terminal.transcript()).toBe(EXIT.ok);
  }, 60_000);
});

describe('the terminal peer through a TURN server', () => {
  test('--relay-only offers only the relay address and connects to the page through it; a wrong password says why', async () => {
    const turn = await startTurnServer();
    try {
      const server = `turn:${turn.username}:${turn.password}@${turn.url.slice('turn:'.length)}`;
      const terminal = new CliProcess(['chat', '--turn', server, '--relay-only']);
      running.push(terminal);
      const offer = await terminal.code();
      const decoded = compactCodec.decode(offer);
      if (!decoded.ok) throw new Error(decoded.error.code);
      const candidates = decoded.value.sdp.split('\r\n').filter((line) => line.startsWith('a=candidate:'));
      expect(candidates.length).toBeGreaterThan(0);
      expect(candidates.every((line) => / typ relay( |$)/.test(line)), candidates.join('\n')).toBe(true);
      const page = await openDevice('Chromium');
      await page.paste(offer);
      terminal.write(await page.readAnswer());
      await page.waitConnected();
      terminal.write('relayed hello');
      await page.hears('relayed hello');
      terminal.endInput();
      expect(await terminal.exited, terminal.transcript()).toBe(EXIT.ok);

      const refused = new CliProcess(['chat', '--turn', `turn:${turn.username}:wrong@${turn.url.slice('turn:'.length)}`, '--relay-only']);
      running.push(refused);
      expect(await refused.exited, refused.transcript()).toBe(EXIT.linkFailed);
      expect(refused.errors.join('\n')).toMatch(/^No address to offer: the TURN server/m);
    } finally {
      await turn.close();
    }
  }, 60_000);
});
