import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { waitForGathering, type GatheringOutcome, type GatheringSource } from '../../../src/core/session/ice-gathering.ts';

/** Stands in for RTCPeerConnection's gathering events; no WebRTC in Node. */
class FakeGatherer extends EventTarget implements GatheringSource {
  iceGatheringState: RTCIceGatheringState = 'gathering';

  candidate(type: 'host' | 'srflx' | 'relay'): void {
    const event = Object.assign(new Event('icecandidate'), {
      candidate: { candidate: `candidate:1 1 udp 2122260223 10.0.0.2 5000 typ ${type}` },
    });
    this.dispatchEvent(event);
  }

  complete(): void {
    this.iceGatheringState = 'complete';
    this.dispatchEvent(new Event('icegatheringstatechange'));
  }
}

const policy = { capMs: 1500, quietMs: 300 };

function track(promise: Promise<GatheringOutcome>): { outcome?: GatheringOutcome } {
  const box: { outcome?: GatheringOutcome } = {};
  void promise.then((outcome) => (box.outcome = outcome));
  return box;
}

describe('waitForGathering', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('ends at once when the browser completes gathering', async () => {
    const source = new FakeGatherer();
    const box = track(waitForGathering(source, { ...policy, expectServerCandidates: true }));
    source.candidate('host');
    source.complete();
    await vi.advanceTimersByTimeAsync(0);
    expect(box.outcome).toMatchObject({ end: 'complete', candidates: 1 });
  });

  test('without ICE servers, ends quietMs after the last host candidate', async () => {
    const source = new FakeGatherer();
    const box = track(waitForGathering(source, { ...policy, expectServerCandidates: false }));
    source.candidate('host');
    await vi.advanceTimersByTimeAsync(200);
    source.candidate('host');
    await vi.advanceTimersByTimeAsync(299);
    expect(box.outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(box.outcome).toMatchObject({ end: 'quiet', candidates: 2 });
  });

  test('with ICE servers, a lone host candidate waits for a server candidate', async () => {
    const source = new FakeGatherer();
    const box = track(waitForGathering(source, { ...policy, expectServerCandidates: true }));
    source.candidate('host');
    await vi.advanceTimersByTimeAsync(600);
    expect(box.outcome).toBeUndefined();
    source.candidate('srflx');
    await vi.advanceTimersByTimeAsync(300);
    expect(box.outcome).toMatchObject({ end: 'quiet', candidates: 2 });
  });

  test('an unreachable STUN server costs the cap, not the browser’s 40 s', async () => {
    const source = new FakeGatherer();
    const box = track(waitForGathering(source, { ...policy, expectServerCandidates: true }));
    source.candidate('host');
    await vi.advanceTimersByTimeAsync(1499);
    expect(box.outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(box.outcome).toMatchObject({ end: 'cap', candidates: 1 });
  });

  test('no candidate at all ends at the cap with zero candidates', async () => {
    const source = new FakeGatherer();
    const box = track(waitForGathering(source, { ...policy, expectServerCandidates: false }));
    await vi.advanceTimersByTimeAsync(1500);
    expect(box.outcome).toMatchObject({ end: 'cap', candidates: 0 });
  });

  test('an already complete source resolves immediately', async () => {
    const source = new FakeGatherer();
    source.iceGatheringState = 'complete';
    const box = track(waitForGathering(source, { ...policy, expectServerCandidates: false }));
    await vi.advanceTimersByTimeAsync(0);
    expect(box.outcome).toMatchObject({ end: 'complete', candidates: 0 });
  });
});
