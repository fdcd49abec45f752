import { describe, expect, test } from 'vitest';
import { randomBytes, randomFile, RecordingSink } from './fixtures.ts';
import { linkDevices, nextOffer, settle, waitForPhase, type Device } from './link.ts';

/**
 * A link slow enough (~13 MB/s) that a 4 MB file is still moving when the test acts, and progress
 * events often enough that one arrives while it moves (the default, 500 ms, outlasts the file).
 */
const SLOW_LINK = { fileChannels: { drainBytesPerTick: 64 * 1024, drainIntervalMs: 5 }, manager: { progressIntervalMs: 20 } };

async function startTransfer(alice: Device, bob: Device, bytes = 4_000_000) {
  const offered = nextOffer(bob);
  const [id] = alice.manager.offerFiles([randomFile(bytes, 42)]);
  await offered;
  const sink = new RecordingSink();
  await bob.manager.accept(id!, () => sink);
  await new Promise<void>((resolve) => {
    const check = (): void => {
      if ((bob.manager.get(id!)?.progress.bytesDone ?? 0) < 500_000) return;
      bob.manager.removeEventListener('progress', check);
      resolve();
    };
    bob.manager.addEventListener('progress', check);
  });
  return { id: id!, sink };
}

/** The control channel still carries chat, and a new file goes through intact. */
async function expectConnectionUsable(alice: Device, bob: Device): Promise<void> {
  alice.control.send(JSON.stringify({ type: 'chat', id: 'c1', text: 'still there?', sentAt: 0 }));
  const sink = new RecordingSink();
  const offered = nextOffer(bob);
  const bytes = randomBytes(600_000, 43);
  const [id] = alice.manager.offerFiles([new File([bytes], 'next.bin')]);
  await bob.manager.accept((await offered), () => sink);
  expect((await waitForPhase(alice, id!)).state.phase).toBe('verified');
  expect((await waitForPhase(bob, id!)).state.phase).toBe('verified');
  expect(Buffer.from(sink.bytes()).equals(bytes)).toBe(true);
  expect(bob.chat).toEqual(['still there?']);
}

describe('cancel', () => {
  test('by the sender mid-transfer: both sides canceled, sink aborted, connection still usable', async () => {
    const { alice, bob } = await linkDevices(SLOW_LINK);
    const { id, sink } = await startTransfer(alice, bob);
    alice.manager.cancel(id);
    expect(alice.manager.get(id)?.state).toEqual({ phase: 'canceled', by: 'me' });
    expect((await waitForPhase(bob, id)).state).toEqual({ phase: 'canceled', by: 'peer' });
    await settle(300); // past closeGraceMs: the channel's close must not turn it into a failure
    expect(alice.manager.get(id)?.state).toEqual({ phase: 'canceled', by: 'me' });
    expect(bob.manager.get(id)?.state).toEqual({ phase: 'canceled', by: 'peer' });
    expect(sink).toMatchObject({ aborted: true, closed: false });
    expect(sink.written).toBeLessThan(4_000_000);
    expect(alice.openedChannels[0]?.readyState).toBe('closed');
    await expectConnectionUsable(alice, bob);
  });

  test('by the receiver mid-transfer: the sender stops sending, and the connection is still usable', async () => {
    const { alice, bob } = await linkDevices(SLOW_LINK);
    const { id, sink } = await startTransfer(alice, bob);
    bob.manager.cancel(id);
    expect((await waitForPhase(alice, id)).state).toEqual({ phase: 'canceled', by: 'peer' });
    const sentAtCancel = alice.openedChannels[0]!.bytesSent;
    await settle(300);
    expect(alice.openedChannels[0]!.bytesSent).toBe(sentAtCancel);
    expect(alice.openedChannels[0]!.readyState).toBe('closed');
    expect(bob.manager.get(id)?.state).toEqual({ phase: 'canceled', by: 'me' });
    expect(sink).toMatchObject({ aborted: true, closed: false });
    await expectConnectionUsable(alice, bob);
  });

  test('while only offered, by either side', async () => {
    const { alice, bob } = await linkDevices();
    for (const [canceler, other] of [[alice, bob], [bob, alice]] as const) {
      const offered = nextOffer(bob);
      const [id] = alice.manager.offerFiles([randomFile(1000, 44)]);
      await offered;
      canceler.manager.cancel(id!);
      expect((await waitForPhase(other, id!)).state).toEqual({ phase: 'canceled', by: 'peer' });
      expect(canceler.manager.get(id!)?.state).toEqual({ phase: 'canceled', by: 'me' });
    }
    expect(alice.openedChannels).toEqual([]);
  });

  test('by the sender while the receiver is still choosing where to save: the late sink is aborted', async () => {
    const { alice, bob } = await linkDevices();
    const offered = nextOffer(bob);
    const [id] = alice.manager.offerFiles([randomFile(1000, 49)]);
    await offered;
    const sink = new RecordingSink();
    let openDialog: ((sink: RecordingSink) => void) | undefined;
    await bob.manager.accept(id!, () => new Promise<RecordingSink>((resolve) => (openDialog = resolve)));
    // The sink is asked for only once the sender's channel arrives.
    expect(openDialog).toBeUndefined();
    for (let waited = 0; !openDialog && waited < 2000; waited += 5) await settle(5);
    alice.manager.cancel(id!);
    await waitForPhase(bob, id!);
    openDialog!(sink);
    await settle();
    expect(bob.manager.get(id!)?.state).toEqual({ phase: 'canceled', by: 'peer' });
    expect(sink).toMatchObject({ aborted: true, closed: false, written: 0 });
  });

  test('of a file waiting its turn at the receiver leaves the one being sent alone, and its channel never opens', async () => {
    const { alice, bob } = await linkDevices(SLOW_LINK);
    bob.manager.addEventListener('offer', (event) => void bob.manager.accept(event.transfer.id, () => new RecordingSink()));
    const [first, second, third] = alice.manager.offerFiles([randomFile(2_000_000, 45), randomFile(1000, 46), randomFile(1000, 47)]);
    expect((await waitForPhase(bob, second!, ['waiting'])).state).toEqual({ phase: 'waiting', queued: true });
    alice.manager.cancel(second!);
    expect((await waitForPhase(alice, first!)).state.phase).toBe('verified');
    expect((await waitForPhase(alice, third!)).state.phase).toBe('verified');
    expect((await waitForPhase(bob, second!)).state).toEqual({ phase: 'canceled', by: 'peer' });
    expect(alice.openedChannels.map((channel) => channel.label)).toEqual([`file:${first}`, `file:${third}`]);
  });

  test('after the end is a no-op', async () => {
    const { alice, bob } = await linkDevices();
    bob.manager.addEventListener('offer', (event) => void bob.manager.accept(event.transfer.id, () => new RecordingSink()));
    const [id] = alice.manager.offerFiles([randomFile(1000, 48)]);
    await waitForPhase(bob, id!);
    await waitForPhase(alice, id!);
    alice.manager.cancel(id!);
    bob.manager.cancel(id!);
    await settle();
    expect(alice.manager.get(id!)?.state.phase).toBe('verified');
    expect(bob.manager.get(id!)?.state.phase).toBe('verified');
  });
});
