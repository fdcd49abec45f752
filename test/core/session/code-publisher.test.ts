import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FIRST_CODE_SETTLE_MS, publishCodes, type CodeEvent } from '../../../src/core/session/code-publisher.ts';
import type { GatheringPolicy } from '../../../src/core/session/ice-gathering.ts';
import { compactCodec } from '../../../src/core/signal/compact-codec.ts';
import { countCandidates } from '../../../src/core/signal/index.ts';
import { FakePeerConnection } from '../../helpers/fake-peer-connection.ts';

const capture = (name: string) => readFileSync(new URL(`../../fixtures/sdp/${name}.sdp`, import.meta.url), 'utf8');
/** Chromium: one mDNS host candidate, then a server-reflexive one. */
const chromiumSrflx = { offer: capture('chromium156-offer-data-mdns-srflx'), answer: '' };
/** Firefox: UDP and TCP host candidates together, then a server-reflexive one. */
const firefoxSrflx = { offer: capture('firefox153-offer-data-mdns-srflx'), answer: '' };

const withServers = { capMs: 1500, quietMs: 300, expectServerCandidates: true };
const encode = (sdp: string) => compactCodec.encode({ kind: 'offer', sdp });
const candidatesIn = (blob: string) => {
  const decoded = compactCodec.decode(blob);
  if (!decoded.ok) throw new Error(decoded.error.code);
  return countCandidates(decoded.value.sdp);
};

interface Run {
  readonly pc: FakePeerConnection;
  /** What was published, in order. */
  readonly events: CodeEvent[];
  /** Whether publishCodes resolved (the first code is out) or how it failed. */
  resolved: boolean;
  failure?: unknown;
}

async function start(
  captures: { offer: string; answer: string },
  policy: GatheringPolicy = withServers,
  encoder: (sdp: string) => string | Promise<string> = encode,
): Promise<Run> {
  const pc = new FakePeerConnection(captures, { trickle: true });
  await pc.setLocalDescription(await pc.createOffer());
  const run: Run = { pc, events: [], resolved: false };
  publishCodes(pc, policy, encoder, (event) => run.events.push(event)).then(
    () => (run.resolved = true),
    (error: unknown) => (run.failure = error),
  );
  return run;
}

const first = (run: Run) => run.events[0];
const blobOf = (run: Run) => {
  const event = first(run);
  return event?.type === 'gathered' ? event.blob : undefined;
};
const improvements = (run: Run) => run.events.slice(1).map((event) => (event.type === 'code-improved' ? event.blob : event.type));

describe('publishCodes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('the first code comes with the first host candidate, long before the gathering rule ends', async () => {
    const run = await start(chromiumSrflx);
    await vi.advanceTimersByTimeAsync(100);
    expect(first(run)).toBeUndefined();
    run.pc.gatherNext();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(FIRST_CODE_SETTLE_MS);
    expect(first(run)?.type).toBe('gathered');
    expect(run.resolved).toBe(true);
    expect(candidatesIn(blobOf(run)!)).toBe(1);
    expect(improvements(run)).toEqual([]);
  });

  test('an encoder that answers later (a compressor loading) still publishes in order, the first first', async () => {
    const slowFirst = async (sdp: string) => {
      if (countCandidates(sdp) === 1) await new Promise((resolve) => setTimeout(resolve, 100));
      return encode(sdp);
    };
    const run = await start(chromiumSrflx, withServers, slowFirst);
    run.pc.gatherNext();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(FIRST_CODE_SETTLE_MS + 10);
    run.pc.gatherNext(); // while the first version is still being encoded
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(run.events.map((event) => event.type)).toEqual(['gathered', 'code-improved']);
    expect(candidatesIn(blobOf(run)!)).toBe(1);
    expect(candidatesIn(improvements(run)[0]!)).toBe(2);
  });

  test('a server-reflexive candidate that arrives later improves the code; the credentials stay', async () => {
    const run = await start(chromiumSrflx);
    run.pc.gatherNext();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(FIRST_CODE_SETTLE_MS);
    await vi.advanceTimersByTimeAsync(600);
    run.pc.gatherNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(improvements(run)).toHaveLength(1);
    const [first, better] = [compactCodec.decode(blobOf(run)!), compactCodec.decode(improvements(run)[0]!)];
    if (!first.ok || !better.ok) throw new Error('undecodable');
    expect(better.value.sdp).toMatch(/ typ srflx /);
    const credentials = (sdp: string) => sdp.match(/^a=(ice-ufrag|ice-pwd|fingerprint):.*$/gm);
    expect(credentials(better.value.sdp)).toEqual(credentials(first.value.sdp));
  });

  test('candidates of the same pass (Firefox: UDP and TCP host) are in the first code, not an update', async () => {
    const run = await start(firefoxSrflx);
    run.pc.gatherNext();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(2);
    run.pc.gatherNext();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(FIRST_CODE_SETTLE_MS);
    expect(candidatesIn(blobOf(run)!)).toBe(2);
    expect(improvements(run)).toEqual([]);
  });

  test('nothing better: one code, and gathering still stops at the cap', async () => {
    const run = await start(chromiumSrflx);
    run.pc.gatherNext();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1500);
    run.pc.gatherNext(); // after the cap: nobody listens any more
    await vi.advanceTimersByTimeAsync(0);
    expect(first(run)?.type).toBe('gathered');
    expect(improvements(run)).toEqual([]);
  });

  test('a candidate after the quiet rule ended gathering changes nothing', async () => {
    const run = await start(chromiumSrflx, { ...withServers, expectServerCandidates: false });
    run.pc.gatherNext();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(300);
    run.pc.gatherNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(improvements(run)).toEqual([]);
  });

  test('gathering that completes inside the settle time shows everything it found at once', async () => {
    const run = await start(firefoxSrflx);
    run.pc.gatherNext();
    await vi.advanceTimersByTimeAsync(0);
    run.pc.completeGathering();
    await vi.advanceTimersByTimeAsync(0);
    expect(candidatesIn(blobOf(run)!)).toBe(3);
    expect(improvements(run)).toEqual([]);
  });

  test('no candidate by the cap is gathered-nothing', async () => {
    const run = await start(chromiumSrflx);
    await vi.advanceTimersByTimeAsync(1499);
    expect(first(run)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(run.events).toEqual([{ type: 'gathered-nothing' }]);
    expect(run.resolved).toBe(true);
  });

  test('a later version the codec cannot write is skipped: the code shown still works', async () => {
    let calls = 0;
    const run = await start(chromiumSrflx, withServers, (sdp) => {
      if (++calls > 1) throw new Error('cannot encode');
      return encode(sdp);
    });
    run.pc.gatherNext();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(FIRST_CODE_SETTLE_MS);
    run.pc.gatherNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(first(run)?.type).toBe('gathered');
    expect(improvements(run)).toEqual([]);
  });

  test('a first code the codec cannot write rejects (the link reports a browser error)', async () => {
    const run = await start(chromiumSrflx, withServers, () => {
      throw new Error('cannot encode');
    });
    run.pc.gatherNext();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(FIRST_CODE_SETTLE_MS);
    expect(run.failure).toEqual(new Error('cannot encode'));
  });
});

describe('publishCodes with a TURN server configured', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** Chromium, TURN configured: mDNS host, server-reflexive, then two relay candidates. */
  const chromiumRelay = { offer: capture('chromium156-offer-data-mdns-relay'), answer: '' };
  /** The same gathering under Relay only: nothing but the relay candidates. */
  const chromiumRelayOnly = { offer: chromiumRelay.offer.replace(/^a=candidate:[^\n]* typ (host|srflx)[^\n]*\n/gm, ''), answer: '' };
  /** Relay only when the TURN server gave nothing: a description without a candidate. */
  const nothingGathered = { offer: chromiumRelay.offer.replace(/^a=candidate:[^\n]*\n/gm, ''), answer: '' };
  const withTurn = { ...withServers, expectRelay: true };
  const relayOnly = { ...withTurn, relayOnly: true };
  const turnUrl = 'turn:10.99.0.2:3478?transport=udp';
  const settle = async () => {
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(FIRST_CODE_SETTLE_MS);
  };

  test('the first code waits for the relay candidate, and then has no relay problem', async () => {
    const run = await start(chromiumRelay, withTurn);
    run.pc.gatherNext();
    run.pc.gatherNext();
    await settle();
    expect(first(run)).toBeUndefined();
    run.pc.gatherNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(first(run)).toEqual({ type: 'gathered', blob: expect.any(String) });
    expect(candidatesIn(blobOf(run)!)).toBe(3);
  });

  test('a refused password comes with the first code, at once, with the host candidates', async () => {
    const run = await start(chromiumRelay, withTurn);
    run.pc.gatherNext();
    run.pc.gatherNext();
    await settle();
    run.pc.failIceServer(turnUrl, 401);
    await vi.advanceTimersByTimeAsync(0);
    expect(first(run)).toMatchObject({ type: 'gathered', relay: { code: 'credentials-refused', errorCode: 401 } });
    expect(candidatesIn(blobOf(run)!)).toBe(2);
  });

  test("a STUN server's failure is not the relay's", async () => {
    const run = await start(chromiumRelay, withTurn);
    run.pc.gatherNext();
    await settle();
    run.pc.failIceServer('stun:10.99.0.2:3478', 701);
    await vi.advanceTimersByTimeAsync(0);
    expect(first(run)).toBeUndefined();
  });

  test('a TURN server that never answers (Chromium fires nothing for 40 s): at the cap, no-relay', async () => {
    const run = await start(chromiumRelay, withTurn);
    run.pc.gatherNext();
    run.pc.gatherNext();
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(first(run)).toBeUndefined(); // the quiet rule waits for the relay too
    await vi.advanceTimersByTimeAsync(500);
    expect(first(run)).toMatchObject({ type: 'gathered', relay: { code: 'no-relay' } });
  });

  test('a relay that comes after a refusal (a second TURN server) clears the problem with the improved code', async () => {
    const run = await start(chromiumRelay, withTurn);
    run.pc.gatherNext();
    run.pc.gatherNext();
    await settle();
    run.pc.failIceServer('turn:a.example:3478', 441);
    await vi.advanceTimersByTimeAsync(0);
    run.pc.gatherNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(run.events.map((event) => [event.type, 'relay' in event ? event.relay?.code : undefined])).toEqual([
      ['gathered', 'credentials-refused'],
      ['code-improved', undefined],
    ]);
  });

  test('Relay only with a good TURN server: the code holds only relay candidates', async () => {
    const run = await start(chromiumRelayOnly, relayOnly);
    run.pc.gatherNext();
    await settle();
    expect(first(run)).toEqual({ type: 'gathered', blob: expect.any(String) });
  });

  test('Relay only and a refused password: nothing, and the reason', async () => {
    const run = await start(nothingGathered, relayOnly);
    run.pc.failIceServer(turnUrl, 401);
    run.pc.completeGathering();
    await vi.advanceTimersByTimeAsync(0);
    expect(run.events).toEqual([{ type: 'gathered-nothing', relay: { code: 'credentials-refused', errorCode: 401 } }]);
  });

  test('Relay only, TURN server unreachable (Firefox: 701 after 11 s; here the cap comes first)', async () => {
    const run = await start(nothingGathered, relayOnly);
    await vi.advanceTimersByTimeAsync(1500);
    expect(run.events).toEqual([{ type: 'gathered-nothing', relay: { code: 'no-relay' } }]);
  });

  test('Relay only without any TURN server: nothing, because there is none', async () => {
    const run = await start(nothingGathered, { ...withServers, relayOnly: true, expectRelay: false });
    run.pc.completeGathering();
    await vi.advanceTimersByTimeAsync(0);
    expect(run.events).toEqual([{ type: 'gathered-nothing', relay: { code: 'no-turn-server' } }]);
  });

  test('without Relay only, no address at all is not blamed on the relay', async () => {
    const run = await start(chromiumRelay, withTurn);
    run.pc.failIceServer(turnUrl, 401);
    await vi.advanceTimersByTimeAsync(1500);
    expect(run.events).toEqual([{ type: 'gathered-nothing' }]);
  });
});
