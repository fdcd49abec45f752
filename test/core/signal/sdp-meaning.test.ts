import { describe, expect, it } from 'vitest';
import { sdpMeaning } from '../../../src/core/signal/index.ts';
import { corpusSample } from './sdp-corpus.ts';

const chromium = corpusSample('chromium156-offer-data-mdns-srflx.sdp').sdp;
const firefox = corpusSample('firefox153-answer-data-mdns-relay.sdp').sdp;

function edit(sdp: string, from: string | RegExp, to: string): string {
  const edited = sdp.replace(from, to);
  if (edited === sdp) throw new Error(`nothing to replace: ${from}`);
  return edited;
}

describe('sdpMeaning: what does not count', () => {
  it.each([
    ['the origin line', (s: string) => edit(s, /^o=.*$/m, 'o=- 1 0 IN IP4 0.0.0.0')],
    ['candidate foundations', (s: string) => edit(s, 'candidate:1669377929', 'candidate:7')],
    ['generation and network-id/cost extensions', (s: string) => s.replace(/ generation 0 network-cost 999/g, '')],
    ['candidate order', (s: string) => edit(s, /(a=candidate:.*\r\n)(a=candidate:.*\r\n)/, '$2$1')],
    ['LF instead of CRLF', (s: string) => s.replace(/\r\n/g, '\n')],
    [
      'RTP-only session lines in a data-only description',
      (s: string) => s.replace('a=extmap-allow-mixed\r\n', '').replace(/a=msid-semantic.*\r\n/, ''),
    ],
    [
      'upper-case transport and hex case',
      (s: string) => s.replace(/ udp /g, ' UDP ').replace(/(a=fingerprint:sha-256 )(.*)/, (_, a: string, b: string) => a + b.toLowerCase()),
    ],
    ['the default destination (c= and the m= port)', (s: string) => edit(edit(s, 'c=IN IP4 203.0.113.7', 'c=IN IP4 0.0.0.0'), 'application 61000', 'application 9')],
    ['priorities that keep their order', (s: string) => edit(edit(s, '2113937151', '2130706431'), '1677729535', '1694498815')],
    [
      'ICE attributes at session level instead of media level',
      (s: string) => edit(s.replace(/a=ice-ufrag:JylQ\r\n/, ''), 't=0 0\r\n', 't=0 0\r\na=ice-ufrag:JylQ\r\n'),
    ],
  ])('ignores %s', (_, change) => {
    expect(sdpMeaning(change(chromium))).toEqual(sdpMeaning(chromium));
  });
});

describe('sdpMeaning: what counts', () => {
  it.each([
    ['ice-ufrag', (s: string) => edit(s, 'ice-ufrag:JylQ', 'ice-ufrag:JylR')],
    ['ice-pwd', (s: string) => edit(s, 'ice-pwd:b5FH', 'ice-pwd:c5FH')],
    ['fingerprint', (s: string) => edit(s, 'sha-256 5D:', 'sha-256 5E:')],
    ['setup role', (s: string) => edit(s, 'setup:actpass', 'setup:passive')],
    ['a candidate address', (s: string) => edit(s, '203.0.113.7 61000', '203.0.113.8 61000')],
    ['a candidate port', (s: string) => edit(s, '.local 40347', '.local 40348')],
    ['a candidate type', (s: string) => edit(s, 'typ srflx', 'typ prflx')],
    ['a related address', (s: string) => edit(s, 'raddr 0.0.0.0', 'raddr 10.0.0.1')],
    ['the priority order', (s: string) => edit(s, '1677729535', '2130706431')],
    ['a dropped candidate', (s: string) => edit(s, /a=candidate:3573271650.*\r\n/, '')],
    ['sctp-port', (s: string) => edit(s, 'sctp-port:5000', 'sctp-port:5001')],
    ['max-message-size', (s: string) => edit(s, 'max-message-size:262144', 'max-message-size:65536')],
    ['a missing max-message-size', (s: string) => edit(s, 'a=max-message-size:262144\r\n', '')],
    ['mid', (s: string) => edit(s, 'a=mid:0', 'a=mid:data')],
    ['the BUNDLE group', (s: string) => edit(s, 'a=group:BUNDLE 0\r\n', '')],
    ['ice-options', (s: string) => edit(s, 'a=ice-options:trickle', 'a=ice-options:trickle renomination')],
    ['end-of-candidates', (s: string) => edit(s, 'a=mid:0', 'a=end-of-candidates\r\na=mid:0')],
    ['an unknown attribute', (s: string) => edit(s, 'a=mid:0', 'a=mid:0\r\na=x-custom:1')],
    ['uneven network costs', (s: string) => edit(s, 'network-cost 999', 'network-cost 10')],
    ['a candidate extension other than generation and network-id/cost', (s: string) => edit(s, 'network-cost 999', 'network-cost 999 ufrag JylQ')],
  ])('notices a changed %s', (_, change) => {
    expect(sdpMeaning(change(chromium))).not.toEqual(sdpMeaning(chromium));
  });

  it('keeps every candidate of a Firefox answer with its related address', () => {
    const { candidates } = sdpMeaning(firefox).media[0]!;
    expect(candidates.map((c) => `${c.type} ${c.transport} ${c.related ?? '-'} #${c.rank}`).sort()).toEqual([
      'host tcp active - #0',
      'host udp - #0',
      'relay udp 10.99.0.4 49213 #2',
      'relay udp 10.99.0.4 49222 #3',
      'srflx udp 0.0.0.0 0 #1',
    ]);
  });

  it('keeps the lines of audio/video sections it does not interpret, in order', () => {
    const av = corpusSample('firefox153-offer-av-ip.sdp').sdp;
    const meaning = sdpMeaning(av);
    expect(meaning.media.map((m) => m.media.split(' ')[0])).toEqual(['audio', 'video', 'application']);
    expect(meaning.media[0]!.other).toContain('a=rtpmap:109 opus/48000/2');
    expect(sdpMeaning(edit(av, 'opus/48000/2', 'opus/48000/1'))).not.toEqual(meaning);
  });
});
