import { describe, expect, it } from 'vitest';
import { blobMode, sdpMeaning, type SignalKind } from '../../../src/core/signal/index.ts';
import { compactCodec } from '../../../src/core/signal/compact-codec.ts';
import { corpusSample } from './sdp-corpus.ts';

const base = corpusSample('chromium156-offer-data-mdns-srflx.sdp').sdp;
const firefox = corpusSample('firefox153-offer-data-mdns-srflx.sdp').sdp;
const libdatachannel = corpusSample('libdatachannel-offer-data-ip.sdp').sdp;
const LIBDATACHANNEL_OPTIONS = 'a=ice-options:ice2,trickle';
const CANDIDATES = /(a=candidate:.*\r\n)+/;

function withCandidates(lines: readonly string[], sdp = base): string {
  return sdp.replace(CANDIDATES, lines.map((line) => `a=candidate:${line}\r\n`).join(''));
}

function hosts(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${i} 1 udp ${2122260223 - i * 256} 10.0.0.${i + 1} ${40000 + i} typ host`);
}

function roundTrip(kind: SignalKind, sdp: string): { mode: string | undefined; same: boolean; length: number } {
  const text = compactCodec.encode({ kind, sdp });
  const decoded = compactCodec.decode(text);
  const same = decoded.ok && JSON.stringify(sdpMeaning(decoded.value.sdp)) === JSON.stringify(sdpMeaning(sdp));
  return { mode: blobMode(text), same, length: text.length };
}

describe('compact form: fields the corpus does not exercise', () => {
  it.each<[string, SignalKind, string]>([
    ['a passive answer', 'answer', base.replace('setup:actpass', 'setup:passive')],
    ['ICE credentials of other lengths', 'offer', base.replace('ice-ufrag:JylQ', 'ice-ufrag:Jy+/Q').replace('ice-pwd:b5FH', 'ice-pwd:b5FH7')],
    [
      'upper-case hex credentials',
      'offer',
      base.replace('ice-ufrag:JylQ', 'ice-ufrag:4C6DFB70').replace(/ice-pwd:\S+/, 'ice-pwd:13EFBD51542B663782DAE798734392B8'),
    ],
    ['an explicit max-message-size', 'offer', base.replace('max-message-size:262144', 'max-message-size:65536')],
    ['Firefox’s shape but no end-of-candidates (explicit profile)', 'offer', firefox.replace('a=end-of-candidates\r\n', '')],
    ['Chromium’s shape but end-of-candidates (explicit profile)', 'offer', base.replace('a=ice-ufrag', 'a=end-of-candidates\r\na=ice-ufrag')],
    ['no max-message-size', 'offer', base.replace('a=max-message-size:262144\r\n', '')],
    ['no candidates at all', 'offer', withCandidates([])],
    [
      'IPv6 addresses sharing a prefix or an interface identifier',
      'offer',
      withCandidates([
        '1 1 udp 2122265343 2001:db8:1:2:a:b:c:d 50000 typ host',
        '2 1 udp 2122265087 2001:db8:1:2:1:2:3:4 50001 typ host',
        '3 1 udp 2122264831 fd00:9:9:9:a:b:c:d 50002 typ host',
        '4 1 udp 1686052607 2001:db8:1:2:a:b:c:d 50000 typ srflx raddr 2001:db8:1:2:a:b:c:d rport 50000',
      ]),
    ],
    [
      'related addresses: earlier endpoint, explicit address, explicit port',
      'offer',
      withCandidates([
        '1 1 udp 2122260223 10.0.0.2 40000 typ host',
        '2 1 udp 1686052607 198.51.100.1 40000 typ srflx raddr 10.0.0.2 rport 40000',
        '3 1 udp 41885439 198.51.100.9 3478 typ relay raddr 198.51.100.1 rport 41000',
        '4 1 udp 41885183 198.51.100.9 3479 typ relay raddr 10.0.0.2 rport 41001',
        '5 1 udp 41884927 198.51.100.9 3480 typ relay raddr 192.0.2.7 rport 5',
      ]),
    ],
    [
      'prflx, TCP passive and TCP simultaneous-open candidates',
      'offer',
      withCandidates([
        '1 1 udp 2122260223 10.0.0.2 40000 typ host',
        '2 1 tcp 1518280447 10.0.0.2 40001 typ host tcptype passive',
        '3 1 tcp 1518214911 10.0.0.2 40002 typ host tcptype so',
        '4 1 udp 1845501695 10.0.0.3 40003 typ prflx raddr 10.0.0.2 rport 40000',
      ]),
    ],
    ['fifteen candidates', 'offer', withCandidates(hosts(15))],
    ['no ice-options', 'offer', base.replace('a=ice-options:trickle\r\n', '')],
    ['libdatachannel’s ice-options spelt with a space, as after 0.24', 'offer', libdatachannel.replace(LIBDATACHANNEL_OPTIONS, 'a=ice-options:trickle ice2')],
    ['libdatachannel’s credentials with the browsers’ ice-options', 'offer', libdatachannel.replace(LIBDATACHANNEL_OPTIONS, 'a=ice-options:trickle')],
    ['libdatachannel’s ice-options with Chromium’s credentials', 'offer', base.replace('a=ice-options:trickle', LIBDATACHANNEL_OPTIONS)],
    ['libdatachannel’s shape before gathering ends (no end-of-candidates)', 'offer', libdatachannel.replace('a=end-of-candidates\r\n', '')],
    ['a libdatachannel answer that is passive', 'answer', libdatachannel.replace('setup:actpass', 'setup:passive')],
  ])('%s', (_, kind, sdp) => {
    expect(roundTrip(kind, sdp)).toMatchObject({ mode: 'compact', same: true });
  });
});

describe('compact form: what falls back to the lossless form', () => {
  it.each<[string, SignalKind, string]>([
    ['sixteen candidates', 'offer', withCandidates(hosts(16))],
    ['a version 1 UUID as mDNS name', 'offer', base.replace('104f-4672', '104f-1672')],
    ['a host name', 'offer', base.replace('1a9c6d15-104f-4672-881d-1ab876ce03ed.local', 'laptop.example.org')],
    ['a relay ranked above a host', 'offer', base.replace('1677729535 203.0.113.7 61000 typ srflx', '2130706431 203.0.113.7 61000 typ srflx')],
    ['a second fingerprint', 'offer', base.replace('a=setup:actpass', 'a=fingerprint:sha-1 00:11\r\na=setup:actpass')],
    ['a sha-384 fingerprint', 'offer', base.replace('sha-256 5D:F4', 'sha-384 5D:F4')],
    ['an unknown attribute', 'offer', base.replace('a=mid:0', 'a=mid:0\r\na=x-google-flag:conference')],
    ['ICE lite', 'offer', base.replace('t=0 0', 't=0 0\r\na=ice-lite')],
    ['another sctp-port', 'offer', base.replace('sctp-port:5000', 'sctp-port:5001')],
    ['an offer that is not actpass', 'offer', base.replace('setup:actpass', 'setup:active')],
    ['uneven network costs', 'offer', base.replace('network-cost 999', 'network-cost 10')],
    ['a TCP active candidate on a real port', 'offer', withCandidates(['1 1 tcp 1518280447 10.0.0.2 40001 typ host tcptype active'])],
    ['ice-options other than trickle and ice2', 'offer', libdatachannel.replace(LIBDATACHANNEL_OPTIONS, 'a=ice-options:ice2')],
    ['libdatachannel’s credentials with a fingerprint of sha-1', 'offer', libdatachannel.replace(/sha-256 \S+/, 'sha-1 00:11:22')],
  ])('%s', (_, kind, sdp) => {
    expect(roundTrip(kind, sdp)).toMatchObject({ mode: 'fallback', same: true });
  });
});
