import { describe, expect, inject, test } from 'vitest';
import { newDevice } from './harness/browser.ts';
import { useChromiumOnOfflineLan } from './harness/shared-browser.ts';
import { randomFile, saveAndHash, sendFiles, sha256OfFile, transfer, waitForPhase } from './harness/files.ts';
import { connectThroughUi, PeerPage } from './harness/peer.page.ts';

const baseUrl = inject('baseUrl');
const browser = useChromiumOnOfflineLan();

async function connectedPair(): Promise<[PeerPage, PeerPage]> {
  const a = await PeerPage.open(await newDevice(browser()), baseUrl);
  const b = await PeerPage.open(await newDevice(browser()), baseUrl);
  await connectThroughUi(a, b);
  return [a, b];
}

const click = (peer: PeerPage, file: string, name: string) =>
  transfer(peer.page, file).getByRole('button', { name, exact: true }).click();

describe('files peer to peer', () => {
  test('a 100 MiB random file arrives with the same SHA-256', async () => {
    const [a, b] = await connectedPair();
    const source = randomFile('big.bin', 100 * 1024 * 1024);
    await sendFiles(a.page, [source]);
    await click(b, 'big.bin', 'Accept');
    await waitForPhase(b.page, 'big.bin', 'verified', 120_000);
    await waitForPhase(a.page, 'big.bin', 'verified');
    expect(await saveAndHash(b.page, 'big.bin')).toBe(await sha256OfFile(source));
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
      await connectThroughUi(a, b);
      await sendFiles(a.page, [source]);
      await click(b, 'fallback.bin', 'Accept');
      await waitForPhase(b.page, 'fallback.bin', 'verified', 30_000);
      expect(await saveAndHash(b.page, 'fallback.bin'), `without ${missing}`).toBe(await sha256OfFile(source));
    }
  }, 90_000);

  test('several queued files all arrive, while another file goes the other way', async () => {
    const [a, b] = await connectedPair();
    await b.page.getByRole('checkbox', { name: /Always accept files/ }).check();
    await a.page.getByRole('checkbox', { name: /Always accept files/ }).check();
    const names = ['one.bin', 'two.bin', 'three.bin'];
    const paths = names.map((name, i) => randomFile(name, (i + 1) * 3 * 1024 * 1024 + i));
    const back = randomFile('back.bin', 5 * 1024 * 1024 + 7);
    await Promise.all([sendFiles(a.page, paths), sendFiles(b.page, [back])]);
    for (const name of names) await waitForPhase(b.page, name, 'verified', 60_000);
    await waitForPhase(a.page, 'back.bin', 'verified', 60_000);
    for (const [i, name] of names.entries()) expect(await saveAndHash(b.page, name)).toBe(await sha256OfFile(paths[i]!));
    expect(await saveAndHash(a.page, 'back.bin')).toBe(await sha256OfFile(back));
    await a.sendChat('files done');
    await b.waitForChat('files done', 'theirs');
  }, 120_000);

  test('cancel by the sender, cancel by the receiver, decline — then a transfer still succeeds', async () => {
    const [a, b] = await connectedPair();
    const big = randomFile('cancel-me.bin', 60 * 1024 * 1024);

    await sendFiles(a.page, [big]);
    await click(b, 'cancel-me.bin', 'Accept');
    await waitForPhase(b.page, 'cancel-me.bin', 'receiving');
    await click(a, 'cancel-me.bin', 'Cancel');
    await waitForPhase(b.page, 'cancel-me.bin', 'canceled');
    await expect.poll(() => transfer(b.page, 'cancel-me.bin').textContent()).toMatch(/Canceled by the other device/);

    const again = randomFile('cancel-me-too.bin', 60 * 1024 * 1024);
    await sendFiles(a.page, [again]);
    await click(b, 'cancel-me-too.bin', 'Accept');
    await waitForPhase(a.page, 'cancel-me-too.bin', 'sending');
    await click(b, 'cancel-me-too.bin', 'Cancel');
    await waitForPhase(a.page, 'cancel-me-too.bin', 'canceled');

    const unwanted = randomFile('unwanted.bin', 1024);
    await sendFiles(a.page, [unwanted]);
    await click(b, 'unwanted.bin', 'Decline');
    await waitForPhase(a.page, 'unwanted.bin', 'declined');

    const good = randomFile('good.bin', 2 * 1024 * 1024 + 3);
    await sendFiles(a.page, [good]);
    await click(b, 'good.bin', 'Accept');
    await waitForPhase(b.page, 'good.bin', 'verified');
    expect(await saveAndHash(b.page, 'good.bin')).toBe(await sha256OfFile(good));
    await b.sendChat('still talking');
    await a.waitForChat('still talking', 'theirs');
  }, 120_000);
});
