import { readFileSync } from 'node:fs';
import { afterEach, expect, test } from 'vitest';
import type { CandidatePairEvidence } from '../../../src/core/session/link-diagnosis.ts';
import { PeerSession } from '../../../src/core/session/peer-session.ts';
import type { SessionState } from '../../../src/core/session/session-state.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings/settings.ts';
import { compactCodec } from '../../../src/core/signal/compact-codec.ts';
import { LinkedPeerConnection } from '../../helpers/linked-peer-connection.ts';

const capture = (name: string) => readFileSync(new URL(`../../fixtures/sdp/${name}.sdp`, import.meta.url), 'utf8');
const chromium = { offer: capture('chromium156-offer-data-mdns'), answer: capture('chromium156-answer-data-mdns') };
const firefox = { offer: capture('firefox153-offer-data-mdns'), answer: capture('firefox153-answer-data-mdns') };

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

function failed(session: PeerSession): Promise<SessionState> {
  return new Promise((resolve) => {
    const check = () => session.state.phase === 'failed' && resolve(session.state);
    session.addEventListener('change', check);
    check();
  });
}

function outgoing(session: PeerSession): string {
  const state = session.state;
  if (state.phase === 'offer-ready') return state.offer;
  if (state.phase === 'connecting' && state.answer) return state.answer;
  throw new Error(`no code in ${state.phase}`);
}

/** The offerer applies an answer whose device has gone away, so its link never comes up. */
async function offererLeftAlone(a: ReturnType<typeof peer>, b: ReturnType<typeof peer>): Promise<void> {
  await a.session.createOffer();
  await b.session.acceptBlob(outgoing(a.session));
  const answer = outgoing(b.session);
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
  await b.session.acceptBlob(outgoing(a.session));
  await a.session.acceptBlob(outgoing(b.session));
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
