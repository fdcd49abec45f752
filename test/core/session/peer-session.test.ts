import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PeerSession } from '../../../src/core/session/peer-session.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings.ts';
import { compactCodec } from '../../../src/core/signal/index.ts';
import { FakePeerConnection } from '../../helpers/fake-peer-connection.ts';

const capture = (name: string) => readFileSync(new URL(`../../fixtures/sdp/${name}.sdp`, import.meta.url), 'utf8');
const deviceA = { offer: capture('chromium156-offer-data-mdns'), answer: capture('chromium156-answer-data-mdns') };
const deviceB = { offer: capture('firefox153-offer-data-mdns'), answer: capture('firefox153-answer-data-mdns') };

function session(captures: { offer: string; answer: string }): PeerSession {
  return new PeerSession({
    createPeerConnection: () => new FakePeerConnection(captures) as unknown as RTCPeerConnection,
    codec: compactCodec,
    settings: () => ({ ...DEFAULT_SETTINGS, iceServers: [] }),
  });
}

describe('PeerSession with bad input', () => {
  test('garbage, empty, truncated, altered and own blobs leave the session exactly as it was', async () => {
    const a = session(deviceA);
    await a.createOffer();
    expect(a.state.phase).toBe('offer-ready');
    const before = a.state;
    const offer = before.phase === 'offer-ready' ? before.offer : '';
    const altered = offer.slice(0, 20) + (offer[20] === 'x' ? 'y' : 'x') + offer.slice(21);
    for (const input of ['lorem ipsum', '', offer.slice(0, offer.length / 2), altered, offer]) {
      const result = await a.acceptBlob(input);
      expect(result.ok, input.slice(0, 30)).toBe(false);
      expect(a.state).toBe(before);
      expect(a.signalingState).toBe('have-local-offer');
    }
  });

  test('the offer is answered and the answer accepted, whatever order people try things in', async () => {
    const a = session(deviceA);
    const b = session(deviceB);
    await a.createOffer();
    const offer = a.state.phase === 'offer-ready' ? a.state.offer : '';
    expect(await b.acceptBlob(offer)).toEqual({ ok: true, value: 'answer-offer' });
    expect(b.state.phase).toBe('connecting');
    const answer = b.state.phase === 'connecting' ? (b.state.answer ?? '') : '';
    const answerOnWrongDevice = await b.acceptBlob(answer);
    expect(answerOnWrongDevice.ok).toBe(false);
    expect(await a.acceptBlob(answer)).toEqual({ ok: true, value: 'accept-answer' });
    expect(a.state).toEqual({ phase: 'connecting', role: 'offerer' });
    a.reset();
    b.reset();
    expect([a.state.phase, b.state.phase]).toEqual(['idle', 'idle']);
  });
});
