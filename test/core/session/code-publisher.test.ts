import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FIRST_CODE_SETTLE_MS, publishCodes, type CodeEvent } from '../../../src/core/session/code-publisher.ts';
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
  policy = withServers,
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
