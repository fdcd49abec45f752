import { createHash } from 'node:crypto';
import { afterEach, expect, test } from 'vitest';
import type { TransferSnapshot } from '../../../src/core/transfer/transfer-state.ts';
import { acceptEveryFile, transferManagerOf, closeNodePeers, connectNodePeers, nodePeer, type NodePeer } from '../../helpers/node-pair.ts';
import { LIBDATACHANNEL_RETRY } from '../../helpers/node-platform.ts';
import { randomFile } from '../transfer/fixtures.ts';

// The proof that the core is UI-free: the page's own core, wired by the page's own createApp, on
// libdatachannel instead of a browser. Codes go through the real compact codec, as they would by hand.

let peers: NodePeer[] = [];
afterEach(() => closeNodePeers(...peers));

function until<T>(probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = (): void => {
      const value = probe();
      if (value !== undefined) return resolve(value);
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out'));
      setTimeout(tick, 10);
    };
    tick();
  });
}

test('two Node peers connect through the compact codec, chat both ways and move a verified 1 MiB file', { ...LIBDATACHANNEL_RETRY, timeout: 30_000 }, async () => {
  const [a, b] = (peers = [nodePeer(), nodePeer()]);
  await connectNodePeers(a!, b!);

  expect(a!.chat.send('hello from A').ok).toBe(true);
  await until(() => b!.chat.entries.length === 1 || undefined);
  expect(b!.chat.send('안녕, from B').ok).toBe(true);
  await until(() => (a!.chat.entries.length === 2 && b!.chat.entries.length === 2) || undefined);
  expect(a!.chat.entries.map((entry) => [entry.from, entry.text])).toEqual([
    ['mine', 'hello from A'],
    ['theirs', '안녕, from B'],
  ]);
  expect(b!.chat.entries.map((entry) => [entry.from, entry.text])).toEqual([
    ['theirs', 'hello from A'],
    ['mine', '안녕, from B'],
  ]);

  const file = randomFile(1024 * 1024, 7, 'one-mebibyte.bin');
  await acceptEveryFile(b!);
  const [id] = (await transferManagerOf(a!)).offerFiles([file]);
  const verified = (side: NodePeer): TransferSnapshot | undefined =>
    side.transfers.manager!.list().find((t) => t.id === id && t.state.phase === 'verified');
  await until(() => verified(a!) && verified(b!));

  const received = b!.platform.receivedFiles.saved(id!)!;
  const digest = async (blob: Blob) => createHash('sha256').update(new Uint8Array(await blob.arrayBuffer())).digest('hex');
  expect(received.size).toBe(file.size);
  expect(await digest(received)).toBe(await digest(file));
});
