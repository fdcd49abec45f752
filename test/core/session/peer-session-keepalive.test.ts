import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DECOY_INTERVAL_MS } from '../../../src/core/session/answer-keepalive.ts';
import { PeerSession } from '../../../src/core/session/peer-session.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings.ts';
import { compactCodec } from '../../../src/core/signal/compact-codec.ts';
import { FakePeerConnection } from '../../helpers/fake-peer-connection.ts';

const capture = (name: string) => readFileSync(new URL(`../../fixtures/sdp/${name}.sdp`, import.meta.url), 'utf8');

/** An answering session whose browser writes `answerCapture`; returns it with its connection. */
async function answering(offerCapture: string, answerCapture: string) {
  const connections: FakePeerConnection[] = [];
  const session = new PeerSession({
    createPeerConnection: () => {
      const pc = new FakePeerConnection({ offer: '', answer: capture(answerCapture) });
      connections.push(pc);
      return pc as unknown as RTCPeerConnection;
    },
    codec: compactCodec,
    settings: () => ({ ...DEFAULT_SETTINGS, iceServers: [] }),
  });
  const accepted = await session.acceptBlob(compactCodec.encode({ kind: 'offer', sdp: capture(offerCapture) }));
  expect(accepted).toEqual({ ok: true, value: 'answer-offer' });
  expect(session.state.phase).toBe('connecting');
  return { session, pc: connections[0]! };
}

describe('the answerer keeps a late answer usable where its browser would give up', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }));
  afterEach(() => vi.useRealTimers());

  test('Firefox answering Firefox: decoys from the answer on, until the session closes the connection', async () => {
    const { session, pc } = await answering('firefox153-offer-data-mdns', 'firefox153-answer-data-mdns');
    expect(pc.addedCandidates).toHaveLength(2);
    vi.advanceTimersByTime(DECOY_INTERVAL_MS * 2);
    expect(pc.addedCandidates).toHaveLength(6);
    session.reset();
    vi.advanceTimersByTime(DECOY_INTERVAL_MS * 2);
    expect(pc.addedCandidates).toHaveLength(6);
  });

  test.each([
    ['Chromium answering Firefox', 'firefox153-offer-data-mdns-cross', 'chromium156-answer-data-mdns-cross'],
    ['Firefox answering Chromium', 'chromium156-offer-data-mdns-cross', 'firefox153-answer-data-mdns-cross'],
    ['Chromium answering Chromium', 'chromium156-offer-data-mdns', 'chromium156-answer-data-mdns'],
  ])('%s: no decoy, the browsers wait by themselves', async (_, offer, answer) => {
    const { session, pc } = await answering(offer, answer);
    vi.advanceTimersByTime(DECOY_INTERVAL_MS * 3);
    expect(pc.addedCandidates).toEqual([]);
    session.reset();
  });
});
