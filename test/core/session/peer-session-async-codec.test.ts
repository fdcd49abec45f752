import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PeerSession } from '../../../src/core/session/peer-session.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings.ts';
import { compactCodec } from '../../../src/core/signal/compact-codec.ts';
import { blobMode, lazyCodec, type SignalCodec } from '../../../src/core/signal/index.ts';
import { FakePeerConnection } from '../../helpers/fake-peer-connection.ts';

// The page's codec answers later when a blob needs the fallback form (lazy-codec.ts loads its
// compressor then): the session must wait for it, and plan for the state it finds afterwards.

const capture = (name: string) => readFileSync(new URL(`../../fixtures/sdp/${name}.sdp`, import.meta.url), 'utf8');
const audioVideo = { offer: capture('chromium156-offer-av-ip'), answer: capture('chromium156-answer-av-ip') };
const chromium = { offer: capture('chromium156-offer-data-mdns'), answer: capture('chromium156-answer-data-mdns') };
const firefox = { offer: capture('firefox153-offer-data-mdns'), answer: capture('firefox153-answer-data-mdns') };

function session(captures: { offer: string; answer: string }, codec: SignalCodec): PeerSession {
  return new PeerSession({
    createPeerConnection: () => new FakePeerConnection(captures) as unknown as RTCPeerConnection,
    codec,
    settings: () => ({ ...DEFAULT_SETTINGS, iceServers: [] }),
  });
}

function codeOf(peer: PeerSession): string {
  const state = peer.state;
  if (state.phase === 'offer-ready') return state.offer;
  if (state.phase === 'connecting' && state.answer) return state.answer;
  throw new Error(`no code in ${state.phase}`);
}

describe('PeerSession with a codec that answers later', () => {
  test('audio+video descriptions go through the fallback form both ways', async () => {
    const a = session(audioVideo, lazyCodec);
    const b = session(audioVideo, lazyCodec);
    await a.createOffer();
    expect(blobMode(codeOf(a))).toBe('fallback');
    expect(await b.acceptBlob(codeOf(a))).toEqual({ ok: true, value: 'answer-offer' });
    expect(blobMode(codeOf(b))).toBe('fallback');
    expect(await a.acceptBlob(codeOf(b))).toEqual({ ok: true, value: 'accept-answer' });
    expect(a.state.phase).toBe('connecting');
    a.reset();
    b.reset();
  });

  test('a pasted code is planned for the state after decoding, not before', async () => {
    let release = (): void => {};
    const waiting = new Promise<void>((resolve) => (release = resolve));
    const slowCodec: SignalCodec = {
      encode: (description, options) => compactCodec.encode(description, options),
      decode: async (text) => {
        await waiting;
        return compactCodec.decode(text);
      },
    };
    const a = session(chromium, compactCodec);
    const b = session(firefox, slowCodec);
    await a.createOffer();
    const pasted = b.acceptBlob(codeOf(a));
    await b.createOffer(); // while the code was still being decoded
    release();
    expect(await pasted).toEqual({ ok: false, error: { kind: 'refused', code: 'offer-while-offering' } });
    expect(b.state.phase).toBe('offer-ready');
    a.reset();
    b.reset();
  });
});
