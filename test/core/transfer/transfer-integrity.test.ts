import { describe, expect, test } from 'vitest';
import { FRAME_HEADER_BYTES } from '../../../src/core/transfer/frames.ts';
import type { FileSource } from '../../../src/core/transfer/file-sink.ts';
import type { MessageData } from '../../helpers/memory-channel.ts';
import { randomBytes, randomFile, RecordingSink } from './fixtures.ts';
import { linkDevices, settle, waitForPhase, type LinkOptions } from './link.ts';

/** Sends one 1 MB file through a link with the given damage; returns both end states and the sink. */
async function sendThrough(options: LinkOptions, source: FileSource = randomFile(1_000_000, 60), sink = new RecordingSink()) {
  const { alice, bob } = await linkDevices(options);
  const phasesSeen = new Set<string>();
  for (const device of [alice, bob]) {
    device.manager.addEventListener('change', (event) => phasesSeen.add(event.transfer.state.phase));
  }
  bob.manager.addEventListener('offer', (event) => void bob.manager.accept(event.transfer.id, () => sink));
  const [id] = alice.manager.offerFiles([source]);
  const [sent, received] = await Promise.all([waitForPhase(alice, id!), waitForPhase(bob, id!)]);
  await settle();
  return { sent: sent.state, received: received.state, sink, phasesSeen };
}

/** Damages the data frame with the given index on its way (index 0 is the first data frame). */
function onDataFrame(index: number, damage: (frame: ArrayBuffer) => MessageData[]): LinkOptions {
  return { fileChannels: { tamper: (data, i) => (i === index && typeof data !== 'string' ? damage(data) : [data]) } };
}

describe('integrity', () => {
  test('a single flipped byte in a chunk is caught by SHA-256: failed on both sides, never verified, sink aborted', async () => {
    const flipped = onDataFrame(3, (frame) => {
      const copy = new Uint8Array(frame.slice(0));
      copy[FRAME_HEADER_BYTES + 100]! ^= 0x01;
      return [copy.buffer];
    });
    const { sent, received, sink, phasesSeen } = await sendThrough(flipped);
    expect(phasesSeen).toContain('verifying');
    expect(phasesSeen).not.toContain('verified');
    expect(received).toMatchObject({ phase: 'failed', reason: 'hash-mismatch', by: 'me' });
    expect(sent).toMatchObject({ phase: 'failed', reason: 'hash-mismatch', by: 'peer' });
    expect(sink).toMatchObject({ closed: false, aborted: true });
  });

  test('reordered frames are a protocol failure, not a wrong file', async () => {
    let held: MessageData | undefined;
    const swapped: LinkOptions = {
      fileChannels: {
        tamper: (data, i) => {
          if (i === 2) return ((held = data), []);
          if (i === 3) return [data, held!];
          return [data];
        },
      },
    };
    const { sent, received, sink } = await sendThrough(swapped);
    expect(received).toMatchObject({ phase: 'failed', reason: 'protocol', by: 'me' });
    expect(sent).toMatchObject({ phase: 'failed', reason: 'protocol', by: 'peer' });
    expect(sink).toMatchObject({ closed: false, aborted: true });
  });

  test('a duplicated or a lost frame is a protocol failure', async () => {
    for (const damage of [(frame: ArrayBuffer) => [frame, frame], () => []]) {
      const { sent, received, sink } = await sendThrough(onDataFrame(5, damage));
      expect(received).toMatchObject({ phase: 'failed', reason: 'protocol' });
      expect(sent).toMatchObject({ phase: 'failed', reason: 'protocol', by: 'peer' });
      expect(sink.closed).toBe(false);
    }
  });

  test('a damaged header is a protocol failure', async () => {
    const { received } = await sendThrough(onDataFrame(1, (frame) => [frame.slice(0, FRAME_HEADER_BYTES + 10)]));
    expect(received).toMatchObject({ phase: 'failed', reason: 'protocol' });
  });

  /**
   * A 3 MB file whose stream gives 64 KiB chunks up to byte cutAt, then ends by `end`. A byte
   * stream is read with BYOB reads, as Chromium's File.stream() is; a default one chunk by chunk.
   */
  function fileThatChanges(
    cutAt: number,
    end: (controller: ReadableStreamDefaultController<Uint8Array> | ReadableByteStreamController) => void,
    streamType: 'bytes' | undefined,
  ): FileSource {
    const bytes = randomBytes(3_000_000, 61);
    return {
      name: 'changing.bin',
      size: bytes.byteLength,
      type: '',
      slice: (start, stop) => ({
        stream: () => {
          let at = start;
          return new ReadableStream<Uint8Array>({
            type: streamType,
            pull(controller: ReadableStreamDefaultController<Uint8Array> | ReadableByteStreamController) {
              if (at >= Math.min(stop, cutAt)) return at >= stop ? controller.close() : end(controller);
              controller.enqueue(bytes.slice(at, Math.min(stop, cutAt, at + 65_536)));
              at += 65_536;
            },
          });
        },
      }),
    };
  }

  test.each(['bytes', undefined] as const)('a file that cannot be read fails on both sides as read-error (%s stream)', async (streamType) => {
    const unreadable = fileThatChanges(1_000_000, (controller) => controller.error(new DOMException('file changed', 'NotReadableError')), streamType);
    const { sent, received, sink } = await sendThrough({}, unreadable);
    expect(sent).toMatchObject({ phase: 'failed', reason: 'read-error', by: 'me' });
    expect(sent.phase === 'failed' && sent.detail).toContain('file changed');
    expect(received).toMatchObject({ phase: 'failed', reason: 'read-error', by: 'peer' });
    expect(sink).toMatchObject({ closed: false, aborted: true });
  });

  test.each(['bytes', undefined] as const)('a file that got shorter after it was picked fails as read-error, never as verified (%s stream)', async (streamType) => {
    const shortened = fileThatChanges(
      1_000_000,
      (controller) => {
        controller.close();
        // A byte stream's pending BYOB read completes only once the source responds to it.
        if ('byobRequest' in controller) controller.byobRequest?.respond(0);
      },
      streamType,
    );
    const { sent, received, sink } = await sendThrough({}, shortened);
    expect(sent).toMatchObject({ phase: 'failed', reason: 'read-error', by: 'me' });
    expect(sent.phase === 'failed' && sent.detail).toContain('changed size');
    expect(received).toMatchObject({ phase: 'failed', reason: 'read-error', by: 'peer' });
    expect(sink).toMatchObject({ closed: false, aborted: true });
  });

  test('a sink that fails to write fails the transfer on both sides as write-error', async () => {
    const sink = new RecordingSink((self) => {
      if (self.chunks.length === 4) throw new Error('disk full');
    });
    const { sent, received } = await sendThrough({}, randomFile(1_000_000, 62), sink);
    expect(received).toMatchObject({ phase: 'failed', reason: 'write-error', by: 'me' });
    expect(sent).toMatchObject({ phase: 'failed', reason: 'write-error', by: 'peer' });
    expect(sink.aborted).toBe(true);
  });

  test('a file channel that closes with no explanation fails after the grace period', async () => {
    const { alice, bob } = await linkDevices({ fileChannels: { drainBytesPerTick: 64 * 1024, drainIntervalMs: 5 } });
    bob.manager.addEventListener('offer', (event) => void bob.manager.accept(event.transfer.id, () => new RecordingSink()));
    const [id] = alice.manager.offerFiles([randomFile(4_000_000, 63)]);
    await waitForPhase(alice, id!, ['sending']);
    alice.openedChannels[0]!.close(); // as a browser does when the stream is reset under it
    expect((await waitForPhase(alice, id!)).state).toMatchObject({ phase: 'failed', reason: 'channel-closed' });
    expect((await waitForPhase(bob, id!)).state).toMatchObject({ phase: 'failed', reason: 'channel-closed' });
  });

  test('when the connection ends, every unfinished transfer fails and its sink is aborted', async () => {
    const { alice, bob } = await linkDevices({ fileChannels: { drainBytesPerTick: 64 * 1024, drainIntervalMs: 5 } });
    const sink = new RecordingSink();
    bob.manager.addEventListener('offer', (event) => void bob.manager.accept(event.transfer.id, () => sink));
    const [id] = alice.manager.offerFiles([randomFile(4_000_000, 64)]);
    await waitForPhase(bob, id!, ['receiving']);
    alice.manager.close();
    bob.manager.close();
    expect(alice.manager.get(id!)?.state).toMatchObject({ phase: 'failed', reason: 'connection-closed' });
    expect(bob.manager.get(id!)?.state).toMatchObject({ phase: 'failed', reason: 'connection-closed' });
    await settle();
    expect(sink).toMatchObject({ closed: false, aborted: true });
  });
});
