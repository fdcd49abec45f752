import { createHash } from 'node:crypto';
import { afterEach, expect, test } from 'vitest';
import { RECEIVE_WINDOW_BYTES } from '../../../src/core/transfer/flow-control.ts';
import type { TransferSnapshot } from '../../../src/core/transfer/transfer-state.ts';
import { createApp } from '../../../src/core/app/create-app.ts';
import { acceptEveryFile, transferManagerOf, closeNodePeers, connectNodePeers, type NodePeer } from '../../helpers/node-pair.ts';
import { LIBDATACHANNEL_RETRY, nodePlatform } from '../../helpers/node-platform.ts';
import { randomFile } from '../transfer/fixtures.ts';

// A link that goes mid-transfer, over libdatachannel: the page's own core and createApp, one fresh
// exchange to reconnect, and the file goes on from where the receiver stopped writing.

let peers: NodePeer[] = [];
afterEach(() => closeNodePeers(...peers));

/** A Node peer that remembers its connections, so a test can drop one as a lost network would. */
function recordingPeer(): NodePeer & { readonly connections: RTCPeerConnection[] } {
  const base = nodePlatform();
  const connections: RTCPeerConnection[] = [];
  const platform = {
    ...base,
    createPeerConnection: (config: RTCConfiguration) => {
      const pc = base.createPeerConnection(config);
      connections.push(pc);
      return pc;
    },
  };
  return { ...createApp(platform), platform, connections };
}

async function until(done: () => boolean, timeoutMs = 20_000): Promise<void> {
  for (const started = Date.now(); !done(); await new Promise((resolve) => setTimeout(resolve, 10))) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
  }
}

test('a file cut off mid-way by a lost link resumes after a reconnect and arrives intact', { ...LIBDATACHANNEL_RETRY, timeout: 60_000 }, async () => {
  const [a, b] = [recordingPeer(), recordingPeer()];
  peers = [a, b];
  await connectNodePeers(a, b);
  const file = randomFile(24 * 1024 * 1024, 9, 'cut-off.bin');
  await acceptEveryFile(b);
  const [id] = (await transferManagerOf(a)).offerFiles([file]);
  const snapshot = (peer: NodePeer): TransferSnapshot | undefined => peer.transfers.manager?.get(id!);
  await until(() => (snapshot(b)?.progress.bytesDone ?? 0) >= 6 * 1024 * 1024);

  a.connections.at(-1)!.close(); // the link is gone on both sides at once, mid-file
  await until(() => snapshot(a)?.state.phase === 'interrupted' && snapshot(b)?.state.phase === 'interrupted');
  const held = snapshot(b)!.progress.bytesDone;

  await connectNodePeers(b, a);
  await until(() => snapshot(a)?.state.phase === 'verified' && snapshot(b)?.state.phase === 'verified');
  const [sent, received] = [snapshot(a)!, snapshot(b)!];
  console.log(`resumed at ${received.resumeFrom} of ${file.size} bytes; sent again: ${sent.bytesResent} bytes (${((100 * sent.bytesResent) / file.size).toFixed(1)} %)`);
  expect(received.resumeFrom).toBeGreaterThanOrEqual(held);
  expect(received.resumeFrom).toBeLessThan(file.size);
  expect(sent.resumeFrom).toBe(received.resumeFrom);
  // Only what was in flight when the link went is sent again, and the receive window bounds that.
  expect(sent.bytesResent).toBeLessThanOrEqual(RECEIVE_WINDOW_BYTES);

  const saved = b.platform.receivedFiles.saved(id!)!;
  const digest = async (blob: Blob) => createHash('sha256').update(new Uint8Array(await blob.arrayBuffer())).digest('hex');
  expect(await digest(saved)).toBe(await digest(file));
});
