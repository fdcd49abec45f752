import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  answererGivesUpEarly,
  DECOY_INTERVAL_MS,
  holdAnswerOpen,
  iceStackOf,
  type KeepaliveTarget,
} from '../../../src/core/session/answer-keepalive.ts';
import { corpusSample, sdpCorpus } from '../signal/sdp-corpus.ts';

const sdp = (file: string) => corpusSample(file).sdp;

describe('which ICE stack wrote a description', () => {
  test('every capture is told by its credentials alone', () => {
    for (const sample of sdpCorpus()) {
      const expected = sample.file.startsWith('firefox') ? 'firefox' : sample.file.startsWith('chromium') ? 'chromium' : 'other';
      expect(iceStackOf(sample.sdp), sample.file).toBe(expected);
    }
  });

  test('a description without credentials, or with foreign ones, is nobody in particular', () => {
    expect(iceStackOf('v=0\r\n')).toBe('other');
    expect(iceStackOf('a=ice-ufrag:ABCDEFGH\r\na=ice-pwd:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef\r\n')).toBe('other');
    expect(iceStackOf('a=ice-ufrag:a2646f2c\r\na=ice-pwd:887cbbd25a11a62acb5fbea0c18599c4\r\n')).toBe('firefox');
  });
});

describe('when the answerer gives up early', () => {
  test('only Firefox answering Firefox', () => {
    expect(answererGivesUpEarly(sdp('firefox153-offer-data-ip.sdp'), sdp('firefox153-answer-data-ip.sdp'))).toBe(true);
    expect(answererGivesUpEarly(sdp('firefox153-offer-data-mdns-cross.sdp'), sdp('chromium156-answer-data-mdns-cross.sdp'))).toBe(false);
    expect(answererGivesUpEarly(sdp('chromium156-offer-data-mdns-cross.sdp'), sdp('firefox153-answer-data-mdns-cross.sdp'))).toBe(false);
    expect(answererGivesUpEarly(sdp('firefox153-offer-data-ip.sdp'), sdp('libdatachannel-answer-data-ip-firefox-offer.sdp'))).toBe(false);
    expect(answererGivesUpEarly(sdp('chromium156-offer-data-ip.sdp'), sdp('chromium156-answer-data-ip.sdp'))).toBe(false);
  });
});

/** An answerer's connection as the keepalive sees it: what it was given, and a state to set. */
function fakeAnswerer(mid = 'data') {
  const added: RTCIceCandidateInit[] = [];
  const target = {
    connectionState: 'new' as RTCPeerConnectionState,
    localDescription: { sdp: `v=0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:${mid}\r\n` },
    addIceCandidate: (candidate: RTCIceCandidateInit) => {
      added.push(candidate);
      return Promise.resolve();
    },
  } satisfies KeepaliveTarget;
  return { target, added };
}

describe('holding the answer open', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('adds a new decoy per address family at once and every interval, never the same one twice', () => {
    const { target, added } = fakeAnswerer();
    holdAnswerOpen(target);
    expect(added).toHaveLength(2);
    vi.advanceTimersByTime(DECOY_INTERVAL_MS * 3);
    expect(added).toHaveLength(8);
    const lines = added.map((candidate) => candidate.candidate);
    expect(new Set(lines).size).toBe(8);
    for (const candidate of added) {
      expect(candidate.sdpMid).toBe('data');
      // component 1, UDP, priority 1 (the lowest), at an address nobody answers
      expect(candidate.candidate).toMatch(/^candidate:\S+ 1 udp 1 (192\.0\.2\.1|100::1) \d+ typ host$/);
    }
  });

  test('stops once the connection is up, and never starts again', () => {
    const { target, added } = fakeAnswerer();
    holdAnswerOpen(target);
    target.connectionState = 'connecting';
    vi.advanceTimersByTime(DECOY_INTERVAL_MS);
    expect(added).toHaveLength(4);
    target.connectionState = 'connected';
    vi.advanceTimersByTime(DECOY_INTERVAL_MS * 5);
    expect(added).toHaveLength(4);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('stops when the session closed the connection (its answer no longer valid)', () => {
    const { target, added } = fakeAnswerer();
    holdAnswerOpen(target);
    target.connectionState = 'closed';
    vi.advanceTimersByTime(DECOY_INTERVAL_MS * 5);
    expect(added).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('a refused decoy is harmless', async () => {
    const { target } = fakeAnswerer();
    const refusing = { ...target, addIceCandidate: () => Promise.reject(new Error('no IPv6 here')) };
    const stop = holdAnswerOpen(refusing);
    await vi.advanceTimersByTimeAsync(DECOY_INTERVAL_MS);
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
