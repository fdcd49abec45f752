import { describe, expect, test } from 'vitest';
import { RECEIVE_WINDOW_BYTES } from '../../../src/core/transfer/flow-control.ts';
import { encodeAckFrame, encodeDataFrame, encodeEndFrame } from '../../../src/core/transfer/frames.ts';
import { IncomingTransfer } from '../../../src/core/transfer/incoming-transfer.ts';
import type { TransferMessage } from '../../../src/core/transfer/transfer-messages.ts';
import { TransferManager } from '../../../src/core/transfer/transfer-manager.ts';
import { createMemoryChannelPair, type MemoryChannel } from '../../helpers/memory-channel.ts';
import { RecordingSink, sleep } from './fixtures.ts';

/** A receiver driven by a hand-written (buggy or hostile) sender. */
async function receiver(size: number, sink = new RecordingSink()) {
  const sent: TransferMessage[] = [];
  const hooks = { send: (message: TransferMessage) => sent.push(message), changed: () => {}, progressed: () => {}, now: () => performance.now(), closeGraceMs: 50, idleTimeoutMs: 60_000 };
  const transfer = new IncomingTransfer('t1', { name: 'x', size, mimeType: '' }, hooks);
  await transfer.accept(() => sink);
  const [evil, theirs] = createMemoryChannelPair('file:t1');
  transfer.handleChannel(theirs);
  await new Promise((resolve) => evil.addEventListener('open', resolve));
  return { transfer, evil, sent, sink };
}

async function expectProtocolFailure(send: (evil: MemoryChannel) => void, size = 1000): Promise<void> {
  const { transfer, evil, sent, sink } = await receiver(size);
  send(evil);
  await sleep(20);
  expect(transfer.state).toMatchObject({ phase: 'failed', reason: 'protocol', by: 'me' });
  expect(sent.at(-1)).toEqual({ type: 'file-failed', id: 't1', reason: 'protocol' });
  expect(sink.closed).toBe(false);
}

describe('IncomingTransfer against a misbehaving sender', () => {
  test('accepting sends file-accept with the resume point', async () => {
    const { sent } = await receiver(10);
    expect(sent).toEqual([{ type: 'file-accept', id: 't1', resumeFrom: 0 }]);
  });

  test('refuses a gap, data past the offered size, an early end, an ack, text, and garbage', async () => {
    await expectProtocolFailure((evil) => evil.send(encodeDataFrame(10, new Uint8Array(5))));
    await expectProtocolFailure((evil) => evil.send(encodeDataFrame(0, new Uint8Array(1001))));
    await expectProtocolFailure((evil) => {
      evil.send(encodeDataFrame(0, new Uint8Array(500)));
      evil.send(encodeEndFrame(1000, new Uint8Array(32)));
    });
    await expectProtocolFailure((evil) => {
      evil.send(encodeDataFrame(0, new Uint8Array(1000)));
      evil.send(encodeEndFrame(999, new Uint8Array(32)));
    });
    await expectProtocolFailure((evil) => evil.send(encodeAckFrame(0)));
    await expectProtocolFailure((evil) => evil.send('{"type":"chat"}'));
    await expectProtocolFailure((evil) => evil.send(new Uint8Array([1, 2, 3])));
  });

  test('refuses a sender that ignores the receive window', async () => {
    const stalled = new RecordingSink(() => new Promise(() => {})); // a disk that never finishes
    const { transfer, evil } = await receiver(4 * RECEIVE_WINDOW_BYTES, stalled);
    const chunk = new Uint8Array(256 * 1024);
    for (let offset = 0; offset <= RECEIVE_WINDOW_BYTES; offset += chunk.length) evil.send(encodeDataFrame(offset, chunk));
    for (let waited = 0; !transfer.finished && waited < 2000; waited += 10) await sleep(10);
    expect(transfer.state).toMatchObject({ phase: 'failed', reason: 'protocol' });
    expect(transfer.state.phase === 'failed' && transfer.state.detail).toContain('window');
  });

  test('a second channel for the same transfer is closed', async () => {
    const { transfer } = await receiver(10);
    const [, extra] = createMemoryChannelPair('file:t1');
    expect(transfer.handleChannel(extra)).toBe(false);
    expect(extra.readyState).toBe('closing');
  });
});

describe('TransferManager.handleChannel', () => {
  test('closes every channel that belongs to no file it asked for, and counts them', () => {
    const manager = new TransferManager({ send: () => {}, openChannel: () => { throw new Error('unused'); } });
    manager.handleMessage({ type: 'file-offer', id: 'offered', name: 'n', size: 1, mimeType: '' });
    const channels = ['file:nobody', 'chat', 'file:offered', 'file:', 'file:a/b'].map((label) => createMemoryChannelPair(label)[1]);
    for (const channel of channels) expect(manager.handleChannel(channel)).toBe(false);
    expect(channels.map((channel) => channel.readyState)).toEqual(channels.map(() => 'closing'));
    expect(manager.refusedChannels).toBe(5);
  });
});
