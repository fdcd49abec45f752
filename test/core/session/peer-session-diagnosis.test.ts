import { afterEach, expect, test } from 'vitest';
import type { CandidatePairEvidence } from '../../../src/core/session/link-diagnosis.ts';
import { PeerSession } from '../../../src/core/session/peer-session.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings/settings.ts';
import { compactCodec } from '../../../src/core/signal/compact-codec.ts';
import { LinkedPeerConnection } from '../../helpers/linked-peer-connection.ts';
import { chromium, code, firefox, phase, reaches } from '../../helpers/session-peers.ts';

/** A linked fake whose getStats() holds the given candidate pairs, or never answers. */
class PairsPeerConnection extends LinkedPeerConnection {
  statsCalls = 0;
  constructor(
    captures: { offer: string; answer: string },
    private readonly pairs: readonly CandidatePairEvidence[] | 'never',
  ) {
    super(captures);
  }
  getStats(): Promise<ReadonlyMap<string, unknown>> {
    this.statsCalls++;
    if (this.closed) return Promise.reject(new DOMException('closed', 'InvalidStateError'));
    if (this.pairs === 'never') return new Promise(() => {});
    return Promise.resolve(new Map(this.pairs.map((pair, i) => [`CP${i}`, { id: `CP${i}`, type: 'candidate-pair', ...pair }])));
  }
}

const sessions: PeerSession[] = [];
afterEach(() => sessions.splice(0).forEach((session) => session.reset()));

function peer(captures: { offer: string; answer: string }, settings: Partial<Settings>, pairs: readonly CandidatePairEvidence[] | 'never' = []) {
  const connections: PairsPeerConnection[] = [];
  const session = new PeerSession({
    createPeerConnection: () => {
      connections.push(new PairsPeerConnection(captures, pairs));
      return connections.at(-1) as unknown as RTCPeerConnection;
    },
    codec: compactCodec,
    settings: () => ({ ...DEFAULT_SETTINGS, iceServers: [], ...settings }),
  });
  sessions.push(session);
  return { session, connections };
}

const failed = (session: PeerSession) => reaches(session, phase('failed'));

/** The offerer applies an answer whose device has gone away, so its link never comes up. */
async function offererLeftAlone(a: ReturnType<typeof peer>, b: ReturnType<typeof peer>): Promise<void> {
  await a.session.createOffer();
  await b.session.acceptBlob(code(a.session));
  const answer = code(b.session);
  b.session.reset();
  await a.session.acceptBlob(answer);
}

test('a timed-out link carries why: the ICE servers it was given, both descriptions, and its candidate pairs read before it closed', async () => {
  const stun = { iceServers: [{ urls: 'stun:stun.example.test:3478' }], connectTimeoutMs: 300 };
  const a = peer(chromium, stun, [{ state: 'failed', requestsSent: 7, responsesReceived: 0 }]);
  const b = peer(firefox, {});
  await offererLeftAlone(a, b);
  expect(await failed(a.session)).toEqual({
    phase: 'failed',
    reason: 'timeout',
    role: 'offerer',
    afterMs: 300,
    diagnosis: ['no-srflx', 'mdns-only', 'all-pairs-failed'],
  });
  expect(a.connections[0]!.statsCalls).toBe(1);
  expect(a.connections[0]!.closed).toBe(true);
});

test('ICE failure carries the diagnosis too; a pair that answered is no sign of blocked packets', async () => {
  const a = peer(chromium, {}, [{ state: 'failed', requestsSent: 7, responsesReceived: 2 }]);
  const b = peer(firefox, {});
  await a.session.createOffer();
  await b.session.acceptBlob(code(a.session));
  await a.session.acceptBlob(code(b.session));
  a.connections[0]!.network('failed');
  expect(await failed(a.session)).toEqual({ phase: 'failed', reason: 'ice-failed', diagnosis: ['mdns-only'] });
});

test('a browser that never answers getStats() delays the failure by half a second at most', async () => {
  const a = peer(chromium, { connectTimeoutMs: 300 }, 'never');
  const b = peer(firefox, {});
  await offererLeftAlone(a, b);
  const started = Date.now();
  expect(await failed(a.session)).toMatchObject({ reason: 'timeout', diagnosis: ['mdns-only'] });
  expect(Date.now() - started).toBeLessThan(300 + 500 + 200);
});
