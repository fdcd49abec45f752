import { describe, expect, test } from 'vitest';
import type { TransferPhase } from '../../../src/core/transfer/transfer-state.ts';
import { randomBytes, randomFile, RecordingSink, sha256Hex } from './fixtures.ts';
import { linkDevices, nextOffer, waitForPhase, type Device } from './link.ts';

/** Accepts every offer as it arrives, the way "always accept from this peer" would. */
function acceptAll(device: Device): Map<string, RecordingSink> {
  const sinks = new Map<string, RecordingSink>();
  device.manager.addEventListener('offer', (event) => {
    const sink = new RecordingSink();
    sinks.set(event.transfer.id, sink);
    void device.manager.accept(event.transfer.id, () => sink);
  });
  return sinks;
}

describe('TransferManager', () => {
  test('sends one file; the receiver sees name, size and type, accepts, and both sides end verified', async () => {
    const { alice, bob } = await linkDevices();
    const bytes = randomBytes(300_000, 1);
    const offered = nextOffer(bob);
    const [id] = alice.manager.offerFiles([new File([bytes], 'photo.jpg', { type: 'image/jpeg' })]);
    expect(await offered).toBe(id);
    expect(bob.manager.get(id!)).toMatchObject({
      direction: 'incoming',
      file: { name: 'photo.jpg', size: 300_000, mimeType: 'image/jpeg' },
      state: { phase: 'offered' },
    });
    expect(alice.manager.get(id!)).toMatchObject({ direction: 'outgoing', state: { phase: 'offered' } });
    const sink = new RecordingSink();
    await bob.manager.accept(id!, () => sink);
    const [sent, received] = await Promise.all([waitForPhase(alice, id!), waitForPhase(bob, id!)]);
    expect(sent.state).toEqual({ phase: 'verified' });
    expect(received.state).toEqual({ phase: 'verified' });
    expect(sink.closed).toBe(true);
    expect(sink.aborted).toBe(false);
    expect(Buffer.from(sink.bytes()).equals(bytes)).toBe(true);
    expect(received.progress).toMatchObject({ bytesDone: 300_000, total: 300_000, secondsLeft: 0 });
    expect(sent.progress).toMatchObject({ bytesDone: 300_000, total: 300_000 });
    expect(alice.openedChannels.map((channel) => channel.label)).toEqual([`file:${id}`]);
  });

  test('goes through offered → waiting → sending/receiving → verifying → verified', async () => {
    const { alice, bob } = await linkDevices();
    const phases = { alice: [] as TransferPhase[], bob: [] as TransferPhase[] };
    for (const [name, device] of [['alice', alice], ['bob', bob]] as const) {
      device.manager.addEventListener('change', (event) => {
        const list = phases[name];
        if (list.at(-1) !== event.transfer.state.phase) list.push(event.transfer.state.phase);
      });
    }
    acceptAll(bob);
    const [id] = alice.manager.offerFiles([randomFile(200_000, 2)]);
    await Promise.all([waitForPhase(alice, id!), waitForPhase(bob, id!)]);
    expect(phases.alice).toEqual(['offered', 'waiting', 'sending', 'verifying', 'verified']);
    expect(phases.bob).toEqual(['offered', 'waiting', 'receiving', 'verifying', 'verified']);
  });

  test('several files queue: one is sent at a time, in order, and all arrive intact', async () => {
    const { alice, bob } = await linkDevices();
    const sinks = acceptAll(bob);
    const files = [randomFile(500_000, 3), randomFile(1, 4), randomFile(0, 5), randomFile(700_000, 6)];
    let sendingAtOnce = 0;
    const sendingOrder: string[] = [];
    alice.manager.addEventListener('change', (event) => {
      const sending = alice.manager.list().filter((transfer) => transfer.state.phase === 'sending').length;
      sendingAtOnce = Math.max(sendingAtOnce, sending);
      if (event.transfer.state.phase === 'sending') sendingOrder.push(event.transfer.id);
    });
    const ids = alice.manager.offerFiles(files);
    const results = await Promise.all(ids.map((id) => waitForPhase(alice, id)));
    expect(results.map((result) => result.state.phase)).toEqual(['verified', 'verified', 'verified', 'verified']);
    expect(sendingAtOnce).toBe(1);
    expect(sendingOrder).toEqual(ids);
    for (const [i, id] of ids.entries()) {
      const expected = new Uint8Array(await files[i]!.arrayBuffer());
      expect(sha256Hex(sinks.get(id)!.bytes())).toBe(sha256Hex(expected));
      expect(bob.manager.get(id)?.state.phase).toBe('verified');
    }
  });

  test('both directions at once, several files each, with two sends in parallel', async () => {
    const { alice, bob } = await linkDevices({ manager: { maxParallelSends: 2 } });
    const toBob = acceptAll(bob);
    const toAlice = acceptAll(alice);
    const aliceFiles = [randomFile(900_000, 10), randomFile(400_000, 11), randomFile(50_000, 12)];
    const bobFiles = [randomFile(800_000, 20), randomFile(123_457, 21)];
    const aliceIds = alice.manager.offerFiles(aliceFiles);
    const bobIds = bob.manager.offerFiles(bobFiles);
    await Promise.all([
      ...aliceIds.map((id) => waitForPhase(bob, id)),
      ...bobIds.map((id) => waitForPhase(alice, id)),
      ...aliceIds.map((id) => waitForPhase(alice, id)),
      ...bobIds.map((id) => waitForPhase(bob, id)),
    ]);
    const check = async (ids: string[], files: File[], sinks: Map<string, RecordingSink>, sender: Device, receiver: Device) => {
      for (const [i, id] of ids.entries()) {
        expect(sender.manager.get(id)?.state.phase).toBe('verified');
        expect(receiver.manager.get(id)?.state.phase).toBe('verified');
        expect(sha256Hex(sinks.get(id)!.bytes())).toBe(sha256Hex(new Uint8Array(await files[i]!.arrayBuffer())));
      }
    };
    await check(aliceIds, aliceFiles, toBob, alice, bob);
    await check(bobIds, bobFiles, toAlice, bob, alice);
  });

  test('decline: the sender sees it, and no channel is ever opened', async () => {
    const { alice, bob } = await linkDevices();
    bob.manager.addEventListener('offer', (event) => bob.manager.decline(event.transfer.id));
    const [id] = alice.manager.offerFiles([randomFile(1000, 7)]);
    expect((await waitForPhase(alice, id!)).state).toEqual({ phase: 'declined', by: 'peer' });
    expect(bob.manager.get(id!)?.state).toEqual({ phase: 'declined', by: 'me' });
    expect(alice.openedChannels).toEqual([]);
  });

  test('progress events report bytes done, a speed and time left while bytes move', async () => {
    const { alice, bob } = await linkDevices({
      fileChannels: { drainBytesPerTick: 64 * 1024, drainIntervalMs: 5 },
      manager: { progressIntervalMs: 20 },
    });
    acceptAll(bob);
    const seen: { bytesDone: number; bytesPerSecond: number; secondsLeft: number | undefined }[] = [];
    bob.manager.addEventListener('progress', (event) => seen.push(event.transfer.progress));
    const [id] = alice.manager.offerFiles([randomFile(3_000_000, 8)]);
    await waitForPhase(bob, id!);
    expect(seen.length).toBeGreaterThan(3);
    const middle = seen.filter((progress) => progress.bytesPerSecond > 0 && progress.bytesDone < 3_000_000);
    expect(middle.length).toBeGreaterThan(0);
    for (const progress of middle) expect(progress.secondsLeft).toBeGreaterThan(0);
    expect(seen.map((progress) => progress.bytesDone)).toEqual([...seen.map((progress) => progress.bytesDone)].sort((a, b) => a - b));
  });

  test('finished transfers can be forgotten; running ones cannot', async () => {
    const { alice, bob } = await linkDevices();
    acceptAll(bob);
    const [id] = alice.manager.offerFiles([randomFile(10, 9)]);
    expect(alice.manager.forget(id!)).toBe(false);
    await waitForPhase(alice, id!);
    expect(alice.manager.forget(id!)).toBe(true);
    expect(alice.manager.list()).toEqual([]);
  });
});
