import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { diagnoseLink, type CandidatePairEvidence } from '../../../src/core/session/link-diagnosis.ts';

// Every candidate set below is a real browser capture (test/fixtures/sdp, see ../shared/sdp/index.json:
// 203.0.113.7 is the lab's NAT, 10.99.0.4 its TURN server), at most with one line added or removed.

const capture = (name: string) => readFileSync(new URL(`../../fixtures/sdp/${name}.sdp`, import.meta.url), 'utf8');
const STUN = ['stun:stun.l.google.com:19302', 'stun:stun.cloudflare.com:3478'];
const TURN = 'turn:turn.example.test:3478';

/** The capture with `line` added after its candidate that contains `after`. */
function withCandidate(sdp: string, after: string, line: string): string {
  const index = sdp.split('\r\n').findIndex((l) => l.startsWith('a=candidate:') && l.includes(after));
  if (index < 0) throw new Error(`no candidate with ${after}`);
  const lines = sdp.split('\r\n');
  lines.splice(index + 1, 0, line);
  return lines.join('\r\n');
}

const withoutCandidates = (sdp: string) => sdp.replace(/^a=candidate:.*\r\n/gm, '');

describe('diagnoseLink on recorded candidate sets', () => {
  test('mdns-only: Chromium and Firefox offered only .local names, and no ICE server is set', () => {
    const evidence = { localSdp: capture('chromium156-offer-data-mdns'), remoteSdp: capture('firefox153-answer-data-mdns'), iceServerUrls: [] };
    expect(diagnoseLink(evidence)).toEqual(['mdns-only']);
  });

  test('host-only: raw local addresses on both sides, no ICE server', () => {
    const evidence = { localSdp: capture('chromium156-offer-data-ip'), remoteSdp: capture('firefox153-answer-data-ip'), iceServerUrls: [] };
    expect(diagnoseLink(evidence)).toEqual(['host-only']);
  });

  test('no-srflx: STUN is set but this device learnt no public address; the cause comes before its consequence', () => {
    const local = capture('chromium156-offer-data-mdns');
    const remoteSrflx = capture('firefox153-answer-data-mdns-srflx');
    expect(diagnoseLink({ localSdp: local, remoteSdp: remoteSrflx, iceServerUrls: STUN })).toEqual(['no-srflx']);
    expect(diagnoseLink({ localSdp: local, remoteSdp: capture('firefox153-answer-data-mdns'), iceServerUrls: STUN })).toEqual([
      'no-srflx',
      'mdns-only',
    ]);
  });

  test('no-srflx judges only this side: the peer may have sent its code before its STUN answer', () => {
    const evidence = {
      localSdp: capture('chromium156-offer-data-mdns-srflx'),
      remoteSdp: capture('firefox153-answer-data-mdns'),
      iceServerUrls: STUN,
    };
    expect(diagnoseLink(evidence)).toEqual([]);
  });

  test('symmetric-nat: two STUN servers saw the same socket on two public ports', () => {
    const local = withCandidate(
      capture('chromium156-offer-data-ip-srflx'),
      'typ srflx',
      'a=candidate:1058971625 1 udp 1686052607 203.0.113.7 61391 typ srflx raddr 10.99.0.2 rport 52405 generation 0 network-id 1',
    );
    const remote = capture('firefox153-answer-data-ip-srflx');
    expect(diagnoseLink({ localSdp: local, remoteSdp: remote, iceServerUrls: STUN })).toEqual(['symmetric-nat']);
    // The peer's set is read the same way: its mapping is as much in the way.
    expect(diagnoseLink({ localSdp: remote, remoteSdp: local, iceServerUrls: STUN })).toEqual(['symmetric-nat']);
  });

  test('symmetric-nat with the base hidden behind mDNS (raddr 0.0.0.0): the public address stands in for it', () => {
    const local = withCandidate(
      capture('chromium156-offer-data-mdns-srflx'),
      'typ srflx',
      'a=candidate:3573271651 1 udp 1677729535 203.0.113.7 61517 typ srflx raddr 0.0.0.0 rport 0 generation 0 network-cost 999',
    );
    const evidence = { localSdp: local, remoteSdp: capture('firefox153-answer-data-mdns-srflx'), iceServerUrls: STUN };
    expect(diagnoseLink(evidence)).toEqual(['symmetric-nat']);
  });

  test('not symmetric: the same mapping reported twice, or two sockets on two ports', () => {
    const srflx = capture('chromium156-offer-data-ip-srflx');
    const srflxLine = (port: number, base: number) =>
      `a=candidate:105897${port} 1 udp 1686052607 203.0.113.7 ${port} typ srflx raddr 10.99.0.2 rport ${base} generation 0 network-id 1`;
    const same = withCandidate(srflx, 'typ srflx', srflxLine(61004, 52405));
    const otherSocket = withCandidate(srflx, 'typ srflx', srflxLine(61005, 52406));
    const remoteSdp = capture('firefox153-answer-data-ip-srflx');
    expect(diagnoseLink({ localSdp: same, remoteSdp, iceServerUrls: STUN })).toEqual([]);
    expect(diagnoseLink({ localSdp: otherSocket, remoteSdp, iceServerUrls: STUN })).toEqual([]);
  });

  test('symmetric-nat does not matter once a side has a relay address', () => {
    const remote = withCandidate(
      capture('firefox153-answer-data-ip-srflx'),
      'typ srflx',
      'a=candidate:5 1 UDP 1686052862 203.0.113.7 61733 typ srflx raddr 10.99.0.2 rport 34649',
    );
    const evidence = { localSdp: capture('chromium156-offer-data-ip-relay'), remoteSdp: remote, iceServerUrls: [TURN] };
    expect(diagnoseLink(evidence)).toEqual([]);
  });

  test('no-relay: a TURN server is set and gave this device no relay address', () => {
    const evidence = {
      localSdp: capture('chromium156-offer-data-mdns-srflx'),
      remoteSdp: capture('firefox153-answer-data-mdns'),
      iceServerUrls: [...STUN, TURN],
    };
    expect(diagnoseLink(evidence)).toEqual(['no-relay']);
    const relayed = { ...evidence, localSdp: capture('chromium156-offer-data-mdns-relay') };
    expect(diagnoseLink(relayed)).toEqual([]);
  });

  test('no-local-candidates and no-remote-candidates say all there is to say', () => {
    const local = capture('chromium156-offer-data-mdns');
    const remote = capture('firefox153-answer-data-mdns');
    expect(diagnoseLink({ localSdp: withoutCandidates(local), remoteSdp: remote, iceServerUrls: STUN })).toEqual(['no-local-candidates']);
    expect(diagnoseLink({ localSdp: local, remoteSdp: withoutCandidates(remote), iceServerUrls: STUN })).toEqual(['no-remote-candidates']);
    // Before the peer's description arrived nothing is known of it, which is not the same as nothing offered.
    expect(diagnoseLink({ localSdp: local, iceServerUrls: [] })).toEqual(['mdns-only']);
  });

  describe('all-pairs-failed, from the candidate pairs of getStats()', () => {
    const addresses = {
      localSdp: capture('chromium156-offer-data-ip-srflx'),
      remoteSdp: capture('firefox153-answer-data-ip-srflx'),
      iceServerUrls: STUN,
    };
    const diagnose = (pairs: CandidatePairEvidence[]) => diagnoseLink({ ...addresses, pairs });

    test('every pair was tried and not one answered', () => {
      expect(diagnose([
        { state: 'failed', requestsSent: 9, responsesReceived: 0 },
        { state: 'in-progress', requestsSent: 4, responsesReceived: 0 },
        { state: 'waiting' },
      ])).toEqual(['all-pairs-failed']);
    });

    test('not when any answer came back, nothing was tried yet, or no statistics came', () => {
      expect(diagnose([{ state: 'failed', requestsSent: 9, responsesReceived: 1 }, { state: 'failed', requestsSent: 9 }])).toEqual([]);
      expect(diagnose([{ state: 'succeeded', requestsSent: 2, responsesReceived: 2 }])).toEqual([]);
      expect(diagnose([{ state: 'waiting', requestsSent: 0 }, { state: 'frozen' }])).toEqual([]);
      expect(diagnose([])).toEqual([]);
      expect(diagnoseLink(addresses)).toEqual([]);
    });

    test('stands beside a cause found in the addresses', () => {
      const hostsOnly = { localSdp: capture('chromium156-offer-data-ip'), remoteSdp: capture('firefox153-answer-data-ip'), iceServerUrls: [] };
      expect(diagnoseLink({ ...hostsOnly, pairs: [{ state: 'failed', requestsSent: 5 }] })).toEqual(['host-only', 'all-pairs-failed']);
    });
  });
});
