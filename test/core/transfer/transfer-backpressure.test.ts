import { describe, expect, test } from 'vitest';
import { RECEIVE_WINDOW_BYTES } from '../../../src/core/transfer/flow-control.ts';
import { FRAME_HEADER_BYTES } from '../../../src/core/transfer/frames.ts';
import { HashingSink, randomBytes, sha256Hex, sleep } from './fixtures.ts';
import { linkDevices, nextOffer, waitForPhase } from './link.ts';

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;

describe('backpressure and memory', () => {
  test('bufferedAmount never exceeds the high-water mark plus one frame, on a slow link', async () => {
    const highWaterMarkBytes = 256 * 1024;
    const { alice, bob } = await linkDevices({
      fileChannels: { drainBytesPerTick: 32 * 1024, drainIntervalMs: 1 },
      manager: { highWaterMarkBytes, lowWaterMarkBytes: 64 * 1024 },
    });
    bob.manager.addEventListener('offer', (event) => void bob.manager.accept(event.transfer.id, () => new HashingSink()));
    const [id] = alice.manager.offerFiles([new File([randomBytes(2 * MiB, 80)], 'a')]);
    expect((await waitForPhase(bob, id!)).state.phase).toBe('verified');
    const channel = alice.openedChannels[0]!;
    expect(channel.maxBufferedAmount).toBeLessThanOrEqual(highWaterMarkBytes + FRAME_HEADER_BYTES + CHUNK);
    // The mark was actually reached, so the sender did wait for 'bufferedamountlow'.
    expect(channel.maxBufferedAmount).toBeGreaterThan(highWaterMarkBytes - CHUNK);
  });

  test('an 8 MiB file with the default 4 MiB mark: the queue stays bounded and the file verifies', async () => {
    const bytes = randomBytes(8 * MiB, 81);
    const { alice, bob } = await linkDevices({ fileChannels: { drainBytesPerTick: 512 * 1024 } });
    const sink = new HashingSink();
    const offered = nextOffer(bob);
    const [id] = alice.manager.offerFiles([new File([bytes], 'eight.bin')]);
    await bob.manager.accept(await offered, () => sink);
    expect((await waitForPhase(bob, id!)).state.phase).toBe('verified');
    expect((await waitForPhase(alice, id!)).state.phase).toBe('verified');
    expect(sink.hex()).toBe(sha256Hex(bytes));
    expect(alice.openedChannels[0]!.maxBufferedAmount).toBeLessThanOrEqual(4 * MiB + FRAME_HEADER_BYTES + CHUNK);
  });

  test('a sink slower than the link holds the sender back: bytes in flight stay within the receive window', async () => {
    const size = 20 * MiB;
    const bytes = randomBytes(size, 82);
    const { alice, bob } = await linkDevices({ fileChannels: { drainBytesPerTick: 1 * MiB } });
    let maxInFlight = 0;
    // Sent but not yet written: the SCTP queue, the wire and the receiver's pending writes together.
    const sink = new HashingSink(async (self) => {
      const sent = alice.openedChannels[0]!.bytesSent;
      maxInFlight = Math.max(maxInFlight, sent - self.written);
      await sleep(1);
    });
    const offered = nextOffer(bob);
    const [id] = alice.manager.offerFiles([new File([bytes], 'twenty.bin')]);
    await bob.manager.accept(await offered, () => sink);
    expect((await waitForPhase(bob, id!, undefined, 30_000)).state.phase).toBe('verified');
    expect(sink.hex()).toBe(sha256Hex(bytes));
    const headerBytes = Math.ceil(size / CHUNK) * FRAME_HEADER_BYTES;
    expect(maxInFlight).toBeLessThanOrEqual(RECEIVE_WINDOW_BYTES + CHUNK + headerBytes);
    // The window, not the file size, was the limit.
    expect(maxInFlight).toBeGreaterThan(RECEIVE_WINDOW_BYTES / 2);
  }, 30_000);
});
