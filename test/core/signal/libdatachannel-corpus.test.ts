import { describe, expect, it } from 'vitest';
import { blobMode, iceUfrag } from '../../../src/core/signal/index.ts';
import { compactCodec } from '../../../src/core/signal/compact-codec.ts';
import { sdpCorpus, type CorpusSample } from './sdp-corpus.ts';

/**
 * The CLI (issue 19) runs on libdatachannel: its codes must be as short as the page's, so every
 * configuration it can make has a capture (scripts/capture-libdatachannel.ts) and packs compactly.
 */
const corpus = sdpCorpus();
const libdatachannel = corpus.filter((sample) => sample.file.startsWith('libdatachannel-'));
const browsers = corpus.filter((sample) => sample.dataOnly && !sample.file.startsWith('libdatachannel-'));

/** The blob as the page or the CLI sends it: answers carry their offer's tag. */
function blob(sample: CorpusSample): string {
  const offer = corpus.find((other) => other.file === sample.pairedWith);
  const offerUfrag = sample.kind === 'answer' && offer ? iceUfrag(offer.sdp) : undefined;
  return compactCodec.encode({ kind: sample.kind, sdp: sample.sdp }, { offerUfrag });
}

describe('libdatachannel captures: what the CLI can produce', () => {
  it.each([
    'ip', // no ICE servers
    'loopback', // --bind 127.0.0.1
    'ip-pem', // the lasting certificate
    'ip-srflx', // STUN
    'ip-relay', // TURN
    'ip-srflx-relay', // STUN and TURN
    'relay-only', // iceTransportPolicy 'relay'
    'ip-2if-ipv6', // two interfaces and IPv6
    'ip-2if-ipv6-srflx-relay',
  ])('an offer and its answer with %s', (scenario) => {
    const files = libdatachannel.map((sample) => sample.file);
    expect(files).toContain(`libdatachannel-offer-data-${scenario}.sdp`);
    expect(files).toContain(`libdatachannel-answer-data-${scenario}.sdp`);
  });

  it('answers to every data-only browser offer', () => {
    const answered = new Set(libdatachannel.map((sample) => sample.pairedWith));
    const offers = browsers.filter((sample) => sample.kind === 'offer').map((sample) => sample.file);
    expect(offers.filter((offer) => !answered.has(offer))).toEqual([]);
  });

  it('with a relay policy, only relay candidates', () => {
    const relayOnly = libdatachannel.filter((sample) => sample.file.includes('-relay-only'));
    for (const { sdp } of relayOnly) expect(sdp.match(/ typ \w+/g)).toEqual([' typ relay']);
  });
});

describe('libdatachannel captures through the codec', () => {
  it.each(libdatachannel.map((sample) => [sample.file, sample] as const))('%s packs in the compact form', (_, sample) => {
    expect(blobMode(blob(sample))).toBe('compact');
  });

  it('with up to 4 candidates, none is longer than the longest browser description', () => {
    const longest = (samples: CorpusSample[]): number =>
      Math.max(...samples.filter((sample) => sample.candidateCount <= 4).map((sample) => blob(sample).length));
    expect(longest(libdatachannel)).toBeLessThanOrEqual(longest(browsers));
  });
});
