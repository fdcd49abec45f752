import { afterEach, describe, expect, test, vi } from 'vitest';
import type { SinkFactory } from '../../../src/core/transfer/file-sink.ts';
import { RECEIVE_WINDOW_BYTES } from '../../../src/core/transfer/flow-control.ts';
import { TransferManager } from '../../../src/core/transfer/transfer-manager.ts';
import {
  MAX_ACTIVE_INCOMING,
  MAX_FILE_NAME_CHARS,
  MAX_LISTED_TRANSFERS,
  MAX_PENDING_INCOMING,
} from '../../../src/core/transfer/transfer-limits.ts';
import { TransferFeature } from '../../../src/core/transfer/transfer-feature.ts';
import { TransferList, type Transfer } from '../../../src/core/transfer/transfer-list.ts';
import type { TransferMessage } from '../../../src/core/transfer/transfer-messages.ts';
import { createMemoryChannelPair } from '../../helpers/memory-channel.ts';
import { MemoryReceivedFiles } from '../../helpers/node-platform.ts';
import { RecordingSink } from './fixtures.ts';
import { linkDevices, waitForPhase } from './link.ts';

/** A victim's manager fed by a hostile peer's messages; it accepts every offer, like "Always accept". */
function victim() {
  const sent: TransferMessage[] = [];
  const sinksCreated: string[] = [];
  const manager = new TransferManager({ send: (message) => sent.push(message), openChannel: () => { throw new Error('unused'); } });
  const factory: SinkFactory = (file) => (sinksCreated.push(file.name), new RecordingSink());
  manager.addEventListener('offer', (event) => void manager.accept(event.transfer.id, factory));
  const offer = (i: number) => manager.handleMessage({ type: 'file-offer', id: `f${i}`, name: `n${i}`, size: 10, mimeType: '' });
  const accepts = () => sent.filter((message) => message.type === 'file-accept').map((message) => message.id);
  return { manager, sent, sinksCreated, offer, accepts };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('bounds on what the peer can make the receiver hold', () => {
  test('5,000 offers with always-accept: a few asked for, the rest queued up to the cap, the excess declined as busy; no sink', async () => {
    const { manager, sent, sinksCreated, offer, accepts } = victim();
    for (let i = 0; i < 5000; i++) offer(i);
    await flush();
    expect(accepts()).toEqual(['f0'].slice(0, MAX_ACTIVE_INCOMING));
    const list = manager.list();
    expect(list).toHaveLength(MAX_PENDING_INCOMING + MAX_ACTIVE_INCOMING);
    expect(list.filter((t) => t.state.phase === 'waiting' && t.state.queued)).toHaveLength(MAX_PENDING_INCOMING);
    const declines = sent.filter((message) => message.type === 'file-decline');
    expect(declines).toHaveLength(5000 - MAX_PENDING_INCOMING - MAX_ACTIVE_INCOMING);
    expect(declines.every((message) => message.type === 'file-decline' && message.reason === 'busy')).toBe(true);
    expect(manager.declinedOffers).toBe(declines.length);
    // The peer never opened a channel: nothing to write into was created.
    expect(sinksCreated).toEqual([]);
  });

  test('unanswered offers count against the cap too, and a decline makes room again', () => {
    const sent: TransferMessage[] = [];
    const manager = new TransferManager({ send: (message) => sent.push(message), openChannel: () => { throw new Error('unused'); } });
    for (let i = 0; i <= MAX_PENDING_INCOMING; i++) manager.handleMessage({ type: 'file-offer', id: `f${i}`, name: 'n', size: 1, mimeType: '' });
    expect(manager.list()).toHaveLength(MAX_PENDING_INCOMING);
    expect(sent).toEqual([{ type: 'file-decline', id: `f${MAX_PENDING_INCOMING}`, reason: 'busy' }]);
    manager.decline('f0');
    manager.handleMessage({ type: 'file-offer', id: 'later', name: 'n', size: 1, mimeType: '' });
    expect(manager.get('later')?.state).toEqual({ phase: 'offered' });
  });

  test('the sink is created only when the sender opens the channel, and the next queued file is asked for once all bytes arrived', async () => {
    const { manager, sinksCreated, offer, accepts } = victim();
    offer(0);
    offer(1);
    await flush();
    expect(accepts()).toEqual(['f0']);
    expect(manager.get('f1')?.state).toEqual({ phase: 'waiting', queued: true });
    const [sender, theirs] = createMemoryChannelPair('file:f0');
    expect(manager.handleChannel(theirs)).toBe(true);
    // A channel for the queued file is not taken: it was not asked for yet.
    expect(manager.handleChannel(createMemoryChannelPair('file:f1')[1])).toBe(false);
    await new Promise((resolve) => sender.addEventListener('open', resolve));
    await flush();
    expect(sinksCreated).toEqual(['n0']);
    const { encodeDataFrame, encodeEndFrame } = await import('../../../src/core/transfer/frames.ts');
    sender.send(encodeDataFrame(0, new Uint8Array(10)));
    sender.send(encodeEndFrame(10, new Uint8Array(32)));
    await vi.waitFor(() => expect(accepts()).toEqual(['f0', 'f1']));
  });

  test('offer-and-cancel in a loop keeps the list within its bound, oldest first, and counts what it removed', () => {
    const { manager, offer } = victim();
    for (let i = 0; i < 5000; i++) {
      offer(i);
      manager.handleMessage({ type: 'file-cancel', id: `f${i}` });
    }
    const list = manager.list();
    expect(list).toHaveLength(MAX_LISTED_TRANSFERS);
    expect(list[0]!.id).toBe(`f${5000 - MAX_LISTED_TRANSFERS}`);
    expect(list.at(-1)!.id).toBe('f4999');
    expect(manager.removedFromList).toBe(5000 - MAX_LISTED_TRANSFERS);
    expect(manager.declinedOffers).toBe(0);
  });

  test('unfinished transfers are never removed, and a received verified file goes only after everything else', () => {
    const removed: string[] = [];
    const list = new TransferList(3, (id) => removed.push(id));
    const entry = (id: string, direction: 'incoming' | 'outgoing', phase: string) =>
      ({ id, direction, state: { phase }, finished: phase !== 'offered' }) as unknown as Transfer;
    const received = entry('received', 'incoming', 'verified');
    list.add(entry('running', 'incoming', 'offered'));
    list.add(received);
    list.changed(received);
    for (const id of ['sent', 'declined']) {
      const done = entry(id, id === 'sent' ? 'outgoing' : 'incoming', id === 'sent' ? 'verified' : 'declined');
      list.add(done);
      list.changed(done);
    }
    // Four entries past a bound of three: the oldest with nothing to save goes, not the received file.
    expect(removed).toEqual(['sent']);
    list.add(entry('new-1', 'incoming', 'offered'));
    list.add(entry('new-2', 'incoming', 'offered'));
    expect(removed).toEqual(['sent', 'declined', 'received']);
    // Only unfinished ones are left: the list may pass its bound rather than drop one.
    list.add(entry('new-3', 'incoming', 'offered'));
    expect([...list.values()].map((t) => t.id)).toEqual(['running', 'new-1', 'new-2', 'new-3']);
    expect(list.removedCount).toBe(3);
  });
});

describe('data channels the peer opens', () => {
  test('500 channels: each is closed at once and counted, and nothing is kept for them', () => {
    let onChannel: ((event: { channel: unknown }) => void) | undefined;
    const pc = {
      createDataChannel: () => { throw new Error('unused'); },
      addEventListener: (_type: string, listener: typeof onChannel) => (onChannel = listener),
      removeEventListener: () => {},
    };
    const feature = new TransferFeature(new MemoryReceivedFiles());
    feature.attach({ pc, send: () => {} } as never);
    const manager = feature.manager!;
    manager.handleMessage({ type: 'file-offer', id: 'f0', name: 'n', size: 1, mimeType: '' });
    const labels = (i: number) => [`file:f${i % 3}`, 'chat', `file:${'x'.repeat(70)}`, `junk-${i}`][i % 4]!;
    const channels = Array.from({ length: 500 }, (_, i) => createMemoryChannelPair(labels(i))[1]);
    for (const channel of channels) onChannel!({ channel });
    expect(channels.filter((channel) => channel.readyState !== 'closing')).toEqual([]);
    expect(manager.refusedChannels).toBe(500);
    expect(manager.list()).toHaveLength(1);
    expect(manager.get('f0')?.state).toEqual({ phase: 'offered' });
  });
});

describe('names and limits at the manager', () => {
  test("an incoming file's name is cleaned before anything shows or stores it", () => {
    const { manager } = victim();
    manager.handleMessage({ type: 'file-offer', id: 'x', name: 'invoice\u202Efdp.exe', size: 1, mimeType: 'text/html' });
    expect(manager.get('x')?.file).toEqual({ name: 'invoicefdp.exe', size: 1, mimeType: 'text/html' });
  });

  test('offerFiles refuses a file whose offer the receiver would drop, before offering any', () => {
    const sent: TransferMessage[] = [];
    const manager = new TransferManager({ send: (message) => sent.push(message), openChannel: () => { throw new Error('unused'); } });
    const long = new File(['x'], 'n'.repeat(MAX_FILE_NAME_CHARS + 1));
    expect(() => manager.offerFiles([new File(['x'], 'fine.txt'), long])).toThrow(/name-too-long/);
    expect(() => manager.offerFiles([new File(['x'], 'odd', { type: 't/'.repeat(200) })])).toThrow(/type-too-long/);
    expect(sent).toEqual([]);
    expect(manager.list()).toEqual([]);
  });

  test('a decline marked busy tells the sender why', async () => {
    const { alice, bob } = await linkDevices();
    for (let i = 0; i < MAX_PENDING_INCOMING; i++) bob.manager.handleMessage({ type: 'file-offer', id: `p${i}`, name: 'n', size: 1, mimeType: '' });
    const [id] = alice.manager.offerFiles([new File(['x'], 'one-too-many.txt')]);
    expect((await waitForPhase(alice, id!)).state).toEqual({ phase: 'declined', by: 'peer', busy: true });
  });
});

const realSetTimeout = globalThis.setTimeout;

/** Moves fake time on in small steps, letting real I/O (a File's stream) run in between, until done() holds; the fake ms it took. */
async function advanceUntil(done: () => boolean, maxMs: number): Promise<number> {
  let elapsed = 0;
  for (; !done() && elapsed < maxMs; elapsed += 10) {
    await new Promise((resolve) => realSetTimeout(resolve, 1));
    await vi.advanceTimersByTimeAsync(10);
  }
  return elapsed;
}

describe('idle timeouts (fake timers)', () => {
  afterEach(() => vi.useRealTimers());

  test('a receiver whose sender never opens the channel fails as stalled after the timeout, tells the sender, and asks for the next file', async () => {
    vi.useFakeTimers();
    const sent: TransferMessage[] = [];
    const manager = new TransferManager({ send: (message) => sent.push(message), openChannel: () => { throw new Error('unused'); }, idleTimeoutMs: 60_000 });
    for (const id of ['a', 'b']) {
      manager.handleMessage({ type: 'file-offer', id, name: id, size: 5, mimeType: '' });
      await manager.accept(id, () => new RecordingSink());
    }
    await vi.advanceTimersByTimeAsync(59_999);
    expect(manager.get('a')?.state).toEqual({ phase: 'waiting' });
    await vi.advanceTimersByTimeAsync(1);
    expect(manager.get('a')?.state).toMatchObject({ phase: 'failed', reason: 'stalled', by: 'me' });
    expect(sent.filter((m) => m.id === 'a').map((m) => m.type)).toEqual(['file-accept', 'file-failed']);
    expect(sent.find((m) => m.type === 'file-failed')).toEqual({ type: 'file-failed', id: 'a', reason: 'stalled' });
    expect(sent.at(-1)).toEqual({ type: 'file-accept', id: 'b', resumeFrom: 0 });
  });

  test('a receiver whose channel opened but sends nothing fails as stalled; each frame restarts the wait', async () => {
    vi.useFakeTimers();
    const manager = new TransferManager({ send: () => {}, openChannel: () => { throw new Error('unused'); }, idleTimeoutMs: 1000 });
    manager.handleMessage({ type: 'file-offer', id: 'a', name: 'a', size: 100, mimeType: '' });
    await manager.accept('a', () => new RecordingSink());
    const [sender, theirs] = createMemoryChannelPair('file:a');
    manager.handleChannel(theirs);
    const { encodeDataFrame } = await import('../../../src/core/transfer/frames.ts');
    await vi.advanceTimersByTimeAsync(900);
    sender.send(encodeDataFrame(0, new Uint8Array(10)));
    await vi.advanceTimersByTimeAsync(900);
    expect(manager.get('a')?.state.phase).toBe('receiving');
    await vi.advanceTimersByTimeAsync(200);
    expect(manager.get('a')?.state).toMatchObject({ phase: 'failed', reason: 'stalled' });
    expect(sender.readyState).not.toBe('open');
  });

  test('a sender whose receiver accepts and never acknowledges fails as stalled and frees the send slot', async () => {
    vi.useFakeTimers();
    const sent: TransferMessage[] = [];
    const opened: string[] = [];
    const manager = new TransferManager({
      send: (message) => sent.push(message),
      // The receiver's end is never read: nothing is ever acknowledged.
      openChannel: (label) => (opened.push(label), createMemoryChannelPair(label)[0]),
      maxMessageSize: () => 65536,
      idleTimeoutMs: 5000,
    });
    const [first, second] = manager.offerFiles([new File([new Uint8Array(RECEIVE_WINDOW_BYTES + 1_000_000)], 'big.bin'), new File(['x'], 'next.bin')]);
    manager.handleMessage({ type: 'file-accept', id: first!, resumeFrom: 0 });
    manager.handleMessage({ type: 'file-accept', id: second!, resumeFrom: 0 });
    // The receive window fills, then nothing more can be sent: from the last frame on, the wait runs.
    const sentFrames = () => manager.get(first!)?.state.phase === 'sending';
    expect(await advanceUntil(sentFrames, 4000)).toBeLessThan(4000);
    expect(opened).toEqual([`file:${first}`]);
    await advanceUntil(() => manager.get(first!)!.state.phase === 'failed', 30_000);
    expect(manager.get(first!)?.state).toMatchObject({ phase: 'failed', reason: 'stalled', by: 'me' });
    expect(sent).toContainEqual({ type: 'file-failed', id: first, reason: 'stalled' });
    expect(opened).toEqual([`file:${first}`, `file:${second}`]);
  });

  test('a sender waiting for the verdict gives up after the timeout', async () => {
    vi.useFakeTimers();
    const manager = new TransferManager({
      send: () => {},
      openChannel: (label) => {
        const [mine, theirs] = createMemoryChannelPair(label);
        // Acknowledges everything, then never says whether the file matched.
        theirs.addEventListener('message', async () => {
          const { encodeAckFrame } = await import('../../../src/core/transfer/frames.ts');
          if (theirs.readyState === 'open') theirs.send(encodeAckFrame(3));
        });
        return mine;
      },
      idleTimeoutMs: 5000,
    });
    const [id] = manager.offerFiles([new File(['abc'], 'a.txt')]);
    manager.handleMessage({ type: 'file-accept', id: id!, resumeFrom: 0 });
    expect(await advanceUntil(() => manager.get(id!)?.state.phase === 'verifying', 4000)).toBeLessThan(4000);
    await vi.advanceTimersByTimeAsync(4990);
    expect(manager.get(id!)?.state.phase).toBe('verifying');
    await vi.advanceTimersByTimeAsync(10);
    expect(manager.get(id!)?.state).toMatchObject({ phase: 'failed', reason: 'stalled' });
  });

  test('offers waiting for the user and files waiting their turn never time out', async () => {
    vi.useFakeTimers();
    const manager = new TransferManager({ send: () => {}, openChannel: () => { throw new Error('unused'); }, idleTimeoutMs: 1000 });
    for (const id of ['a', 'b', 'c']) manager.handleMessage({ type: 'file-offer', id, name: id, size: 5, mimeType: '' });
    await manager.accept('a', () => new RecordingSink());
    await manager.accept('b', () => new RecordingSink());
    await vi.advanceTimersByTimeAsync(999);
    expect(manager.get('a')?.state.phase).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1);
    expect(manager.get('a')?.state.phase).toBe('failed');
    // b is asked for now, so its own wait starts now.
    await vi.advanceTimersByTimeAsync(999);
    expect(manager.get('b')?.state).toEqual({ phase: 'waiting' });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(manager.get('c')?.state).toEqual({ phase: 'offered' });
  });
});
