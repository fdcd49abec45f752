import { describe, expect, test } from 'vitest';
import { RECEIVE_WINDOW_BYTES } from '../../../src/core/transfer/flow-control.ts';
import type { TransferPhase } from '../../../src/core/transfer/transfer-state.ts';
import { randomBytes, RecordingSink, sleep } from './fixtures.ts';
import { settle } from './link.ts';
import { relink, sentOfType, side, type Side } from './relink.ts';

/** The link is slower than the sink, so bytes are in flight when it is cut; the file is larger than the receive window. */
const SLOW = { drainBytesPerTick: 16 * 1024, drainIntervalMs: 1 };
const FILE = randomBytes(RECEIVE_WINDOW_BYTES + 4 * 1024 * 1024, 17);

async function poll(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  for (const started = Date.now(); !done(); await settle(5)) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
  }
}

/** The id of the next file the peer offers this side. */
function nextOffer(device: Side): Promise<string> {
  return new Promise((resolve) => device.feature.manager!.addEventListener('offer', (event) => resolve(event.transfer.id), { once: true }));
}

const phaseOf = (device: Side, id: string): TransferPhase | undefined => device.feature.manager?.get(id)?.state.phase;

/** Both settle the link's meaning as the conversation's hello would. */
function settleLink(outcome: 'first' | 'continued', ...devices: Side[]): void {
  for (const device of devices) device.feature.resume(outcome);
}

/**
 * Alice sends FILE, Bob accepts into a RecordingSink; the link is cut once Bob wrote `cutAfter`
 * bytes, while his sink is stuck, so what arrived last is still waiting to be written. release()
 * lets the sink go on.
 */
async function cutMidway(cutAfter = 1_000_000) {
  const [alice, bob] = [side(), side()];
  const first = await relink(alice, bob, SLOW);
  settleLink('first', alice, bob);
  const offered = nextOffer(bob);
  const [id] = alice.feature.manager!.offerFiles([new File([FILE], 'big.bin')]);
  await offered;
  let stuck: Promise<void> = Promise.resolve();
  let release = (): void => {};
  const sink = new RecordingSink(() => stuck);
  await bob.feature.manager!.accept(id!, () => sink);
  await poll(() => sink.written >= cutAfter);
  stuck = new Promise((resolve) => (release = resolve));
  await sleep(30);
  first.cut();
  return { alice, bob, id: id!, sink, first, release: () => release() };
}

describe('transfers across a reconnect', () => {
  test('a transfer cut mid-way resumes on a new link from the bytes the receiver wrote, and verifies', async () => {
    const { alice, bob, id, sink, first, release } = await cutMidway();
    expect([phaseOf(alice, id), phaseOf(bob, id)]).toEqual(['interrupted', 'interrupted']);
    const writtenAtCut = sink.written;
    const managers = [alice.feature.manager, bob.feature.manager];
    let held = -1;
    bob.drop = (message) => ((held = message.type === 'file-accept' ? sink.written : held), false);

    const second = await relink(alice, bob, SLOW);
    settleLink('continued', alice, bob);
    setTimeout(release, 30);
    await poll(() => phaseOf(alice, id) === 'verified' && phaseOf(bob, id) === 'verified');
    expect(held).toBeGreaterThan(writtenAtCut); // what arrived before the cut was written first, and counts
    expect(held).toBeLessThan(FILE.length);

    expect([alice.feature.manager, bob.feature.manager]).toEqual(managers); // one manager per conversation
    expect(sentOfType(bob, 1, 'file-accept')).toEqual([{ type: 'file-accept', id, resumeFrom: held }]);
    expect(second.handed[0][0]?.offset).toBe(held);
    expect(second.handed[0].every(({ offset }) => offset >= held)).toBe(true);
    // What left Alice on the first link beyond what Bob wrote was lost with it, and counts as sent again.
    const furthest = Math.max(...first.handed[0].map(({ end }) => end));
    const sent = alice.feature.manager!.get(id)!;
    expect(sent.bytesResent).toBe(furthest - held);
    expect(sent.bytesResent).toBeGreaterThan(0);
    expect(sent.bytesResent).toBeLessThanOrEqual(RECEIVE_WINDOW_BYTES);
    expect(sent.resumeFrom).toBe(held);
    expect(bob.feature.manager!.get(id)!.resumeFrom).toBe(held);
    expect(sink.closed).toBe(true);
    expect(Buffer.from(sink.bytes()).equals(FILE)).toBe(true);
  });

  test('duplicates are suppressed: a second accept starts nothing more, a re-offer with a known id is no new transfer', async () => {
    const { alice, bob, id, sink, release } = await cutMidway();
    release();
    let offers = 0;
    bob.feature.manager!.addEventListener('offer', () => offers++);
    const second = await relink(alice, bob, SLOW);
    settleLink('continued', alice, bob);
    await poll(() => phaseOf(alice, id) === 'sending');
    bob.feature.handle({ type: 'file-offer', id, name: 'big.bin', size: FILE.length, mimeType: '' });
    alice.feature.handle({ type: 'file-accept', id, resumeFrom: 0 });
    await poll(() => phaseOf(alice, id) === 'verified' && phaseOf(bob, id) === 'verified');
    expect(sentOfType(alice, 1, 'file-offer')).toHaveLength(1); // offered again, as it may never have arrived
    expect(offers).toBe(0);
    expect(bob.feature.manager!.list()).toHaveLength(1);
    expect(second.handed[0].some(({ offset }) => offset === 0)).toBe(false);
    expect(Buffer.from(sink.bytes()).equals(FILE)).toBe(true);
  });

  test('reset after the link went aborts the sink and tells the peer nothing; its transfer stays paused', async () => {
    const { alice, bob, id, sink } = await cutMidway();
    const before = alice.sent.flat().length + bob.sent.flat().length;
    bob.feature.reset();
    await settle();
    expect(sink.aborted).toBe(true);
    expect(bob.feature.manager).toBeUndefined();
    expect(phaseOf(alice, id)).toBe('interrupted');
    expect(alice.sent.flat().length + bob.sent.flat().length).toBe(before);
  });

  test('another conversation on the new link (reset, then replaced): a fresh manager on that link, the old transfer gone', async () => {
    const { alice, bob, id, sink } = await cutMidway();
    const old = alice.feature.manager;
    await relink(alice, bob, SLOW);
    alice.feature.reset();
    alice.feature.resume('replaced');
    bob.feature.reset();
    bob.feature.resume('replaced');
    expect(alice.feature.manager).not.toBe(old);
    expect(alice.feature.manager!.list()).toEqual([]);
    expect(sink.aborted).toBe(true);
    const offered = nextOffer(bob);
    const [fresh] = alice.feature.manager!.offerFiles([new File([FILE.subarray(0, 50_000)], 'fresh.bin')]);
    await bob.feature.manager!.accept(await offered, () => new RecordingSink());
    await poll(() => phaseOf(alice, fresh!) === 'verified');
    expect(bob.feature.manager!.get(id)).toBeUndefined();
  });

  test("a link that is not the same conversation ('first') resumes nothing", async () => {
    const { alice, bob, id } = await cutMidway();
    const second = await relink(alice, bob, SLOW);
    settleLink('first', alice, bob);
    await settle(100);
    expect([...alice.sent[1]!, ...bob.sent[1]!]).toEqual([]);
    expect(second.handed[0]).toEqual([]);
    expect([phaseOf(alice, id), phaseOf(bob, id)]).toEqual(['interrupted', 'interrupted']);
  });

  test('a cancel made while the link was down reaches the peer after the reconnect', async () => {
    const { alice, bob, id, sink } = await cutMidway();
    bob.feature.manager!.cancel(id);
    expect(sink.aborted).toBe(true);
    await relink(alice, bob, SLOW);
    settleLink('continued', alice, bob);
    await poll(() => phaseOf(alice, id) === 'canceled');
    expect(alice.feature.manager!.get(id)!.state).toEqual({ phase: 'canceled', by: 'peer' });
  });

  test('a verdict lost with the link arrives after the reconnect', async () => {
    const [alice, bob] = [side(), side()];
    bob.drop = (message) => message.type === 'file-verified';
    const first = await relink(alice, bob);
    settleLink('first', alice, bob);
    const offered = nextOffer(bob);
    const [id] = alice.feature.manager!.offerFiles([new File([FILE.subarray(0, 300_000)], 'small.bin')]);
    await bob.feature.manager!.accept(await offered, () => new RecordingSink());
    await poll(() => phaseOf(bob, id!) === 'verified');
    expect(phaseOf(alice, id!)).toBe('verifying');
    first.cut();
    expect(phaseOf(alice, id!)).toBe('interrupted');
    bob.drop = undefined;
    await relink(alice, bob);
    settleLink('continued', alice, bob);
    await poll(() => phaseOf(alice, id!) === 'verified');
  });

  test('an offer made or accepted while the link is down goes on after the reconnect', async () => {
    const [alice, bob] = [side(), side()];
    const first = await relink(alice, bob);
    settleLink('first', alice, bob);
    const offered = nextOffer(bob);
    const [early] = alice.feature.manager!.offerFiles([new File([FILE.subarray(0, 100_000)], 'early.bin')]);
    await offered;
    first.cut();
    const [late] = alice.feature.manager!.offerFiles([new File([FILE.subarray(0, 200_000)], 'late.bin')]);
    const sink = new RecordingSink();
    await bob.feature.manager!.accept(early!, () => sink);
    expect(phaseOf(bob, early!)).toBe('interrupted');
    await relink(alice, bob);
    bob.feature.manager!.addEventListener('offer', (event) => void bob.feature.manager!.accept(event.transfer.id, () => new RecordingSink()));
    settleLink('continued', alice, bob);
    await poll(() => phaseOf(alice, early!) === 'verified' && phaseOf(alice, late!) === 'verified');
    expect(sink.written).toBe(100_000);
  });
});
