import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { gatheringPolicy, waitForGathering, type GatheringOutcome, type GatheringSource } from '../../../src/core/session/ice-gathering.ts';
import { RelayWatch } from '../../../src/core/session/relay-watch.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings.ts';

/** Stands in for RTCPeerConnection's gathering events; no WebRTC in Node. */
class FakeGatherer extends EventTarget implements GatheringSource {
  iceGatheringState: RTCIceGatheringState = 'gathering';

  candidate(type: 'host' | 'srflx' | 'relay'): void {
    const event = Object.assign(new Event('icecandidate'), {
      candidate: { candidate: `candidate:1 1 udp 2122260223 10.0.0.2 5000 typ ${type}` },
    });
    this.dispatchEvent(event);
  }

  turnError(errorCode: number): void {
    this.dispatchEvent(Object.assign(new Event('icecandidateerror'), { url: 'turn:10.99.0.2:3478', errorCode }));
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

/** Gathering with ICE servers, one of them TURN, watched for its relay as publishCodes does. */
function gatherWithTurnServer() {
  const source = new FakeGatherer();
  const withTurn = { ...policy, expectServerCandidates: true, expectRelay: true };
  return { source, box: track(waitForGathering(source, withTurn, new RelayWatch(source, withTurn))) };
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

  test('with a TURN server, a server-reflexive candidate is not enough: the quiet rule waits for the relay', async () => {
    const { source, box } = gatherWithTurnServer();
    source.candidate('host');
    source.candidate('srflx');
    await vi.advanceTimersByTimeAsync(600);
    expect(box.outcome).toBeUndefined();
    source.candidate('relay');
    await vi.advanceTimersByTimeAsync(300);
    expect(box.outcome).toMatchObject({ end: 'quiet', candidates: 3 });
  });

  test('with a TURN server that refuses, quietMs after the refusal', async () => {
    const { source, box } = gatherWithTurnServer();
    source.candidate('host');
    await vi.advanceTimersByTimeAsync(100);
    source.turnError(401);
    await vi.advanceTimersByTimeAsync(299);
    expect(box.outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(box.outcome).toMatchObject({ end: 'quiet', candidates: 1 });
  });
});

describe('gatheringPolicy', () => {
  test('expects a relay exactly when a TURN server is configured, and carries Relay only', () => {
    expect(gatheringPolicy(DEFAULT_SETTINGS)).toMatchObject({ expectServerCandidates: true, expectRelay: false, relayOnly: false });
    const turn = { ...DEFAULT_SETTINGS, iceServers: [{ urls: 'turn:t.example:3478', username: 'u', credential: 'p' }], relayOnly: true };
    expect(gatheringPolicy(turn)).toMatchObject({ expectRelay: true, relayOnly: true });
  });
});
