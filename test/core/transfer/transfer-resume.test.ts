import { describe, expect, test } from 'vitest';
import { decodeFrame } from '../../../src/core/transfer/frames.ts';
import { randomBytes, RecordingSink } from './fixtures.ts';
import { linkDevices, nextOffer, waitForPhase } from './link.ts';

/** Sends `bytes`; the receiver already holds `held` and accepts with it as the resume point. */
async function resume(bytes: Uint8Array<ArrayBuffer>, held: Uint8Array<ArrayBuffer>) {
  const dataOffsets: number[] = [];
  const { alice, bob } = await linkDevices({
    fileChannels: {
      tamper: (data) => {
        const frame = decodeFrame(data);
        if (frame.ok && frame.value.kind === 'data') dataOffsets.push(frame.value.offset);
        return [data];
      },
    },
  });
  const offered = nextOffer(bob);
  const [id] = alice.manager.offerFiles([new File([bytes], 'big.iso')]);
  await offered;
  const sink = new RecordingSink();
  await bob.manager.accept(id!, () => sink, { resumeWith: new Blob([held]) });
  const [sent, received] = await Promise.all([waitForPhase(alice, id!), waitForPhase(bob, id!)]);
  return { sent, received, sink, dataOffsets };
}

describe('resume', () => {
  const bytes = randomBytes(2_500_000, 70);

  test('the sender starts at the receiver resume point; the digest still covers the whole file', async () => {
    const resumeFrom = 1_234_567;
    const { sent, received, sink, dataOffsets } = await resume(bytes, bytes.slice(0, resumeFrom));
    expect(dataOffsets[0]).toBe(resumeFrom);
    expect(sent.resumeFrom).toBe(resumeFrom);
    expect(received.resumeFrom).toBe(resumeFrom);
    expect(received.state).toEqual({ phase: 'verified' });
    expect(sent.state).toEqual({ phase: 'verified' });
    expect(Buffer.from(sink.bytes()).equals(bytes.subarray(resumeFrom))).toBe(true);
    expect(received.progress.bytesDone).toBe(bytes.length);
  });

  test('a held part that differs from the sender file fails the hash check', async () => {
    const held = bytes.slice(0, 1_000_000);
    held[500]! ^= 0x80;
    const { sent, received, sink } = await resume(bytes, held);
    expect(received.state).toMatchObject({ phase: 'failed', reason: 'hash-mismatch' });
    expect(sent.state).toMatchObject({ phase: 'failed', reason: 'hash-mismatch', by: 'peer' });
    expect(sink.closed).toBe(false);
  });

  test('holding the whole file: no data is sent, only the digest, and it verifies', async () => {
    const { received, dataOffsets } = await resume(bytes, bytes);
    expect(dataOffsets).toEqual([]);
    expect(received.state).toEqual({ phase: 'verified' });
  });

  test('holding more than the offered file is refused before anything is sent', async () => {
    const { alice, bob } = await linkDevices();
    const offered = nextOffer(bob);
    const [id] = alice.manager.offerFiles([new File([bytes.subarray(0, 10)], 'small')]);
    await offered;
    await expect(bob.manager.accept(id!, () => new RecordingSink(), { resumeWith: new Blob([bytes.subarray(0, 11)]) })).rejects.toThrow(RangeError);
    expect(bob.manager.get(id!)?.state).toEqual({ phase: 'offered' });
  });
});
