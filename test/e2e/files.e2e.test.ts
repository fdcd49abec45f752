import { describe, expect, inject, test } from 'vitest';
import { randomFile, sha256OfFile } from '../support/inputs/random-file.ts';
import { newDevice } from '../support/launch/chromium.ts';
import { PeerPage } from '../support/page/peer-page.ts';
import { connectedPair } from '../support/page/pair.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const browser = useChromiumOnOfflineLan();

describe('files peer to peer', () => {
  test('a 100 MiB random file arrives with the same SHA-256', async () => {
    const [a, b] = await connectedPair(browser(), baseUrl);
    const source = randomFile('big.bin', 100 * 1024 * 1024);
    await a.files.send([source]);
    await b.files.press('big.bin', 'Accept');
    await b.files.waitForPhase('big.bin', 'verified', 120_000);
    await a.files.waitForPhase('big.bin', 'verified');
    expect(await b.files.saveAndHash('big.bin')).toBe(await sha256OfFile(source));
  }, 180_000);

  // The worker with a synchronous access handle is the usual path; these are the fallbacks.
  test('without workers the file is written through a writable stream, without OPFS into Blob parts', async () => {
    const source = randomFile('fallback.bin', 4 * 1024 * 1024 + 3);
    const disable = {
      workers: () => Object.assign(window, { Worker: undefined }),
      opfs: () => Object.assign(StorageManager.prototype, { getDirectory: undefined }),
    };
    for (const missing of ['workers', 'opfs'] as const) {
      const a = await PeerPage.open(await newDevice(browser()), baseUrl);
      const receiverDevice = await newDevice(browser());
      await receiverDevice.addInitScript(disable[missing]);
      const b = await PeerPage.open(receiverDevice, baseUrl);
      await a.connectTo(b);
      await a.files.send([source]);
      await b.files.press('fallback.bin', 'Accept');
      await b.files.waitForPhase('fallback.bin', 'verified', 30_000);
      expect(await b.files.saveAndHash('fallback.bin'), `without ${missing}`).toBe(await sha256OfFile(source));
    }
  }, 90_000);

  test('several queued files all arrive, while another file goes the other way', async () => {
    const [a, b] = await connectedPair(browser(), baseUrl);
    await b.files.alwaysAccept();
    await a.files.alwaysAccept();
    const names = ['one.bin', 'two.bin', 'three.bin'];
    const paths = names.map((name, i) => randomFile(name, (i + 1) * 3 * 1024 * 1024 + i));
    const back = randomFile('back.bin', 5 * 1024 * 1024 + 7);
    await Promise.all([a.files.send(paths), b.files.send([back])]);
    for (const name of names) await b.files.waitForPhase(name, 'verified', 60_000);
    await a.files.waitForPhase('back.bin', 'verified', 60_000);
    for (const [i, name] of names.entries()) expect(await b.files.saveAndHash(name)).toBe(await sha256OfFile(paths[i]!));
    expect(await a.files.saveAndHash('back.bin')).toBe(await sha256OfFile(back));
    await a.chat.send('files done');
    await b.chat.waitFor('files done', 'theirs');
  }, 120_000);

  test('cancel by the sender, cancel by the receiver, decline — then a transfer still succeeds', async () => {
    const [a, b] = await connectedPair(browser(), baseUrl);
    const big = randomFile('cancel-me.bin', 60 * 1024 * 1024);

    await a.files.send([big]);
    await b.files.press('cancel-me.bin', 'Accept');
    await b.files.waitForPhase('cancel-me.bin', 'receiving');
    await a.files.press('cancel-me.bin', 'Cancel');
    await b.files.waitForPhase('cancel-me.bin', 'canceled');
    await expect.poll(() => b.files.transfer('cancel-me.bin').textContent()).toMatch(/Canceled by the other device/);

    const again = randomFile('cancel-me-too.bin', 60 * 1024 * 1024);
    await a.files.send([again]);
    await b.files.press('cancel-me-too.bin', 'Accept');
    await a.files.waitForPhase('cancel-me-too.bin', 'sending');
    await b.files.press('cancel-me-too.bin', 'Cancel');
    await a.files.waitForPhase('cancel-me-too.bin', 'canceled');

    const unwanted = randomFile('unwanted.bin', 1024);
    await a.files.send([unwanted]);
    await b.files.press('unwanted.bin', 'Decline');
    await a.files.waitForPhase('unwanted.bin', 'declined');

    const good = randomFile('good.bin', 2 * 1024 * 1024 + 3);
    await a.files.send([good]);
    await b.files.press('good.bin', 'Accept');
    await b.files.waitForPhase('good.bin', 'verified');
    expect(await b.files.saveAndHash('good.bin')).toBe(await sha256OfFile(good));
    await b.chat.send('still talking');
    await a.chat.waitFor('still talking', 'theirs');
  }, 120_000);
});
