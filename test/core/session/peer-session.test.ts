import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PeerSession } from '../../../src/core/session/peer-session.ts';
import type { SessionState } from '../../../src/core/session/session-state.ts';
import type { Settings } from '../../../src/core/settings/settings.ts';
import { compactCodec } from '../../../src/core/signal/compact-codec.ts';
import {
  chromium,
  code,
  connect,
  fakePeer,
  firefox,
  linkedPeer,
  loopback,
  phase,
  reaches,
  RecordingFeature,
  until,
  type TestPeer,
} from '../../helpers/session-peers.ts';
import { FakePeerConnection } from '../../helpers/fake-peer-connection.ts';

const capture = (name: string) => readFileSync(new URL(`../../fixtures/sdp/${name}.sdp`, import.meta.url), 'utf8');
/** Captures whose server-reflexive candidate a trickling fake gathers after the host one. */
const chromiumSrflx = { offer: capture('chromium156-offer-data-mdns-srflx'), answer: capture('chromium156-answer-data-mdns-srflx') };
const firefoxSrflx = { offer: capture('firefox153-offer-data-mdns-srflx'), answer: capture('firefox153-answer-data-mdns-srflx') };
/** A STUN server configured, so the gathering rule waits for server candidates (none is contacted). */
const withStun: Partial<Settings> = { iceServers: [{ urls: 'stun:stun.example.test:3478' }] };

describe('PeerSession with bad input', () => {
  test('garbage, empty, truncated, altered and own blobs leave the session exactly as it was', async () => {
    const a = fakePeer(chromium);
    await a.createOffer();
    expect(a.state.phase).toBe('offer-ready');
    const before = a.state;
    const offer = code(a);
    const altered = offer.slice(0, 20) + (offer[20] === 'X' ? 'Y' : 'X') + offer.slice(21);
    const expected = ['not-a-blob', 'empty', 'truncated', 'damaged', 'own-offer'];
    for (const [i, input] of ['lorem ipsum', '', offer.slice(0, offer.length / 2), altered, offer].entries()) {
      const result = await a.acceptBlob(input);
      expect(result.ok ? 'ok' : 'code' in result.error && result.error.code, input.slice(0, 30)).toBe(expected[i]);
      expect(a.state).toBe(before);
      expect(a.connection?.signalingState).toBe('have-local-offer');
    }
  });

  test('the offer is answered and the answer accepted, whatever order people try things in', async () => {
    const a = fakePeer(chromium);
    const b = fakePeer(firefox);
    await a.createOffer();
    expect(await b.acceptBlob(code(a))).toEqual({ ok: true, value: 'answer-offer' });
    expect(b.state.phase).toBe('connecting');
    expect(await b.acceptBlob(code(b))).toEqual({ ok: false, error: { kind: 'refused', code: 'own-answer' } });
    expect(await a.acceptBlob(code(b))).toEqual({ ok: true, value: 'accept-answer' });
    expect(a.state).toEqual({ phase: 'connecting', role: 'offerer' });
    a.reset();
    b.reset();
    expect([a.state.phase, b.state.phase]).toEqual(['idle', 'idle']);
  });
});

describe('PeerSession when the browser refuses the configuration', () => {
  // What Chromium's constructor throws for a TURN server without credentials.
  const refusal = new DOMException("Failed to construct 'RTCPeerConnection': Both username and credential are required when the URL scheme is \"turn\" or \"turns\".", 'InvalidAccessError');

  function refusingPeer() {
    const configs: RTCConfiguration[] = [];
    let refuse = true;
    const session = new PeerSession({
      createPeerConnection: (config) => {
        configs.push(config);
        if (refuse) throw refusal;
        return new FakePeerConnection(chromium) as unknown as RTCPeerConnection;
      },
      codec: compactCodec,
      settings: () => ({ ...loopback, iceServers: [{ urls: 'turn:host' }] }),
    });
    return { session, configs, accept: () => (refuse = false) };
  }

  test('Create offer says why nothing starts, and the session stays as it was', async () => {
    const { session, configs, accept } = refusingPeer();
    let changes = 0;
    session.addEventListener('change', () => changes++);
    expect(await session.createOffer()).toEqual({ ok: false, error: { kind: 'cannot-start', detail: refusal.message } });
    expect(configs).toEqual([{ iceServers: [{ urls: 'turn:host' }] }]);
    expect([session.state, changes, session.connection]).toEqual([{ phase: 'idle' }, 0, undefined]);
    accept();
    expect(await session.createOffer()).toEqual({ ok: true, value: undefined });
    expect(session.state.phase).toBe('offer-ready');
  });

  test('a pasted offer is not answered, with the same problem; the session can still answer later', async () => {
    const offerer = fakePeer(firefox);
    await offerer.createOffer();
    const { session, accept } = refusingPeer();
    expect(await session.acceptBlob(code(offerer))).toEqual({ ok: false, error: { kind: 'cannot-start', detail: refusal.message } });
    expect(session.state).toEqual({ phase: 'idle' });
    accept();
    expect(await session.acceptBlob(code(offerer))).toEqual({ ok: true, value: 'answer-offer' });
  });

  test('a factory whose connection breaks while the link is set up is closed, not leaked', async () => {
    let closed = 0;
    const session = new PeerSession({
      createPeerConnection: () =>
        ({ createDataChannel: () => { throw new TypeError('no SCTP'); }, close: () => void closed++ }) as unknown as RTCPeerConnection,
      codec: compactCodec,
      settings: () => loopback,
    });
    expect(await session.createOffer()).toEqual({ ok: false, error: { kind: 'cannot-start', detail: 'no SCTP' } });
    expect(closed).toBe(1);
  });
});

describe('PeerSession between two linked connections', () => {
  test('open: features get the link, the answerer is polite, and messages reach the feature that owns them', async () => {
    const [a, b] = [linkedPeer(chromium), linkedPeer(firefox)];
    await connect(a, b);
    expect(a.feature.log).toEqual(['attach polite=false', 'resume first']);
    expect(b.feature.log).toEqual(['attach polite=true', 'resume first']);
    const probe = { type: 'probe', n: 1 };
    expect(a.feature.link!.send(probe)).toBe(true);
    expect(a.feature.link!.send({ type: 'nobody-owns-this' })).toBe(true);
    await until(() => b.feature.received.length > 0);
    expect(b.feature.received).toEqual([{ type: 'probe', n: 1 }]);
  });

  test('bye: New session on one side ends the other side’s session, said to be by the peer', async () => {
    const [a, b] = [linkedPeer(chromium), linkedPeer(firefox)];
    await connect(a, b);
    a.session.reset();
    expect(a.session.state.phase).toBe('idle');
    expect(a.feature.log).toEqual(['attach polite=false', 'resume first', 'detach', 'reset']);
    expect(await reaches(b.session, phase('ended'))).toEqual({ phase: 'ended', byPeer: true });
    expect(b.feature.log).toEqual(['attach polite=true', 'resume first', 'detach']);
    expect(b.feature.link!.send({ type: 'probe' })).toBe(false);
  });

  test('close: a link that closes without a bye ends the session, not said to be by the peer', async () => {
    const [a, b] = [linkedPeer(chromium), linkedPeer(firefox)];
    await connect(a, b);
    b.connections.at(-1)!.close();
    expect(await reaches(a.session, phase('ended'))).toEqual({ phase: 'ended', byPeer: false });
  });

  test('interrupted: a network drop keeps the link and its features, and the link recovers or fails', async () => {
    const [a, b] = [linkedPeer(chromium), linkedPeer(firefox)];
    await connect(a, b);
    a.connections[0]!.network('disconnected');
    expect(a.session.state).toEqual({ phase: 'interrupted', role: 'offerer' });
    a.connections[0]!.network('connected');
    expect(a.session.state).toEqual({ phase: 'connected', role: 'offerer' });
    a.connections[0]!.network('disconnected');
    a.connections[0]!.network('failed');
    // Both captures offer only mDNS names, and no ICE server is set: the failure says so.
    expect(await reaches(a.session, phase('failed'))).toEqual({ phase: 'failed', reason: 'ice-failed', diagnosis: ['mdns-only'] });
    expect(a.feature.log).toEqual(['attach polite=false', 'resume first', 'detach']);
  });

  test('timeout: the answerer gives up when its answer is never used, and closes its connection', async () => {
    const [a, b] = [linkedPeer(chromium), linkedPeer(firefox, { answerTimeoutMs: 300 })];
    await a.session.createOffer();
    const before = Date.now();
    await b.session.acceptBlob(code(a.session));
    // The page counts down to this: the answer is valid until then.
    expect(b.session.timing.deadline).toBeGreaterThanOrEqual(before + 300);
    expect(b.session.timing.deadline).toBeLessThanOrEqual(Date.now() + 300);
    expect(a.session.timing.deadline).toBeUndefined();
    const failed = await reaches(b.session, phase('failed'));
    expect(failed).toEqual({ phase: 'failed', reason: 'timeout', role: 'answerer', afterMs: 300, diagnosis: ['mdns-only'] });
    expect(b.session.timing.deadline).toBeUndefined();
    await until(() => b.connections[0]!.connectionState === 'closed');
    expect(b.session.connection).toBeUndefined();
  });

  test('timeout: the offerer gives up when the answering device has gone away', async () => {
    const [a, b] = [linkedPeer(chromium, { connectTimeoutMs: 300 }), linkedPeer(firefox)];
    await a.session.createOffer();
    await b.session.acceptBlob(code(a.session));
    const answer = code(b.session);
    b.session.reset();
    await a.session.acceptBlob(answer);
    expect(await reaches(a.session, phase('failed'))).toMatchObject({ phase: 'failed', reason: 'timeout', afterMs: 300 });
  });

  test('retry: after a timeout the answerer answers the same offer again, and the new answer connects', async () => {
    const [a, b] = [linkedPeer(chromium), linkedPeer(firefox, { answerTimeoutMs: 300 })];
    await a.session.createOffer();
    await b.session.acceptBlob(code(a.session));
    const firstAnswer = code(b.session);
    await reaches(b.session, phase('failed'));
    await b.session.retry();
    const secondAnswer = code(b.session);
    expect(secondAnswer).not.toBe(firstAnswer);
    expect(b.connections).toHaveLength(2);
    expect(await a.session.acceptBlob(secondAnswer)).toEqual({ ok: true, value: 'accept-answer' });
    await Promise.all([reaches(a.session, phase('connected')), reaches(b.session, phase('connected'))]);
  });

  test('two features that claim the same message type are refused at start-up', () => {
    const twice = () =>
      new PeerSession({
        createPeerConnection: () => {
          throw new Error('not used');
        },
        codec: compactCodec,
        settings: () => loopback,
        features: [new RecordingFeature(), new RecordingFeature()],
      });
    expect(twice).toThrow(/probe/);
  });
});

describe('PeerSession: the first code at once, improved in place', () => {
  /** Starts `making` (which waits for the first code), gathers the host candidate(s), and waits for the code. */
  async function firstCode(peer: TestPeer, making: Promise<unknown>, hostCandidates = 1): Promise<string> {
    await until(() => peer.connections.at(-1)?.localDescription != null);
    for (let i = 0; i < hostCandidates; i++) peer.connections.at(-1)!.gatherNext();
    await making;
    return code(peer.session);
  }

  test('an answer to the first version of the offer connects after the offer was improved', async () => {
    const [a, b] = [linkedPeer(chromiumSrflx, withStun, { trickle: true }), linkedPeer(firefox)];
    const firstOffer = await firstCode(a, a.session.createOffer());
    expect(a.session.state).toEqual({ phase: 'offer-ready', offer: firstOffer });
    a.connections[0]!.gatherNext(); // the server-reflexive candidate, after the offer was shown
    const improved = await reaches(a.session, (state) => 'improved' in state);
    expect(improved).toMatchObject({ phase: 'offer-ready', improved: true });
    expect(code(a.session)).not.toBe(firstOffer);

    expect(await b.session.acceptBlob(firstOffer)).toEqual({ ok: true, value: 'answer-offer' });
    expect(await a.session.acceptBlob(code(b.session))).toEqual({ ok: true, value: 'accept-answer' });
    await Promise.all([reaches(a.session, phase('connected')), reaches(b.session, phase('connected'))]);
  });

  test('the answer improves while it waits to be used; an answer accepted ends the offer’s updates', async () => {
    const [a, b] = [linkedPeer(chromiumSrflx, withStun, { trickle: true }), linkedPeer(firefoxSrflx, withStun, { trickle: true })];
    const offer = await firstCode(a, a.session.createOffer());
    // Firefox gathers its UDP and TCP host candidates together: one first answer with both.
    const firstAnswer = await firstCode(b, b.session.acceptBlob(offer), 2);
    b.connections[0]!.gatherNext();
    expect(await reaches(b.session, (state) => 'improved' in state)).toMatchObject({ phase: 'connecting', role: 'answerer' });
    expect(code(b.session)).not.toBe(firstAnswer);

    expect(await a.session.acceptBlob(firstAnswer)).toEqual({ ok: true, value: 'accept-answer' });
    const seen: SessionState[] = [a.session.state];
    a.session.addEventListener('change', () => seen.push(a.session.state));
    a.connections[0]!.gatherNext();
    await Promise.all([reaches(a.session, phase('connected')), reaches(b.session, phase('connected'))]);
    expect(seen).toEqual([
      { phase: 'connecting', role: 'offerer' },
      { phase: 'connected', role: 'offerer' },
    ]);
  });

  test('a page that finds no candidate still says so, once the gathering rule ends', async () => {
    const a = linkedPeer(chromiumSrflx, { gatherCapMs: 200 }, { trickle: true });
    await a.session.createOffer();
    expect(a.session.state).toEqual({ phase: 'no-candidates', role: 'offerer' });
  });
});
