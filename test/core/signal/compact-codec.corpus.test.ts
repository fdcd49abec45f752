import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { answersOffer, blobMode, checkSdp, iceUfrag, sdpMeaning } from '../../../src/core/signal/index.ts';
import { compactCodec, decodeBlob, fallbackCodec } from '../../../src/core/signal/compact-codec.ts';
import { deflateCodec } from '../../../bench/baselines/deflate-codec.ts';
import { sdpCorpus } from './sdp-corpus.ts';

const corpus = sdpCorpus();

describe('compactCodec on every captured description', () => {
  it.each(corpus.map((sample) => [sample.file, sample] as const))('%s round-trips to an equal meaning', (_, sample) => {
    const text = compactCodec.encode({ kind: sample.kind, sdp: sample.sdp });
    const decoded = compactCodec.decode(text);
    if (!decoded.ok) throw new Error(decoded.error.code);
    expect(decoded.value.kind).toBe(sample.kind);
    expect(checkSdp(decoded.value.sdp).ok).toBe(true);
    expect(sdpMeaning(decoded.value.sdp)).toEqual(sdpMeaning(sample.sdp));
    // Data-only descriptions must not need the fallback; audio/video ones must use it, losslessly.
    expect(blobMode(text)).toBe(sample.dataOnly ? 'compact' : 'fallback');
    if (!sample.dataOnly) expect(decoded.value.sdp).toBe(sample.sdp);
  });

  it.each(corpus.map((sample) => [sample.file, sample] as const))('%s through fallbackCodec comes back byte for byte', (_, sample) => {
    const text = fallbackCodec.encode({ kind: sample.kind, sdp: sample.sdp });
    expect(blobMode(text)).toBe('fallback');
    expect(decodeBlob(text)).toEqual({ ok: true, value: { kind: sample.kind, sdp: sample.sdp } });
  });
});

describe('the rebuilt description mirrors the browser', () => {
  const defaultDestination = (sdp: string): string => (sdp.match(/^(m=application \d+|c=.*)$/gm) ?? []).join(' | ');
  // libdatachannel names a host candidate there (or 0.0.0.0 and port 9 with relay candidates
  // only); the blob does not carry which stack made it, and the rebuilt description follows the
  // browsers' rule (docs/blob-format.md §6). No ICE agent reads these two fields.
  const browsers = corpus.filter((s) => s.dataOnly && !s.file.startsWith('libdatachannel-'));

  it.each(browsers.map((sample) => [sample.file, sample] as const))(
    '%s keeps the c= address and m= port the browser chose',
    (_, sample) => {
      const decoded = decodeBlob(compactCodec.encode({ kind: sample.kind, sdp: sample.sdp }));
      expect(decoded.ok && defaultDestination(decoded.value.sdp)).toBe(defaultDestination(sample.sdp));
    },
  );
});

describe('sizes on the corpus (regression guard for the targets in docs/benchmarks.md)', () => {
  const encode = (file: string): string => {
    const sample = corpus.find((s) => s.file === file)!;
    return compactCodec.encode({ kind: sample.kind, sdp: sample.sdp });
  };
  const length = (file: string): number => encode(file).length;

  it('a Chromium offer with an mDNS host and a srflx candidate takes 120 characters, a QR code of version 5 (M)', () => {
    const blob = encode('chromium156-offer-data-mdns-srflx.sdp');
    expect(blob.length).toBe(120);
    expect(QRCode.create(blob, { errorCorrectionLevel: 'M' }).version).toBe(5);
  });

  it('a libdatachannel offer with one host candidate takes 95 characters, a QR code of version 5 (M)', () => {
    const blob = encode('libdatachannel-offer-data-ip.sdp');
    expect(blob.length).toBe(95);
    expect(QRCode.create(blob, { errorCorrectionLevel: 'M' }).version).toBe(5);
  });

  it.each(corpus.filter((s) => !s.dataOnly).map((sample) => [sample.file, sample] as const))(
    '%s: the fallback blob is at most a third of the naive one (deflate + base64url)',
    (file, sample) => {
      expect(length(file) * 3).toBeLessThanOrEqual(deflateCodec.encode({ kind: sample.kind, sdp: sample.sdp }).length);
    },
  );

  it('every data-only description with at most 4 candidates stays within 160 characters', () => {
    for (const sample of corpus.filter((s) => s.dataOnly && s.candidateCount <= 4)) {
      expect(length(sample.file), sample.file).toBeLessThanOrEqual(160);
    }
  });
});

describe('answers tagged with their offer', () => {
  const answers = corpus.filter((s) => s.kind === 'answer');

  it.each(answers.map((sample) => [sample.file, sample] as const))('%s names its offer and no other', (_, answer) => {
    const offer = corpus.find((s) => s.file === answer.pairedWith)!;
    const otherOffer = corpus.find((s) => s.kind === 'offer' && s.file !== answer.pairedWith)!;
    const offerUfrag = iceUfrag(offer.sdp)!;
    const text = compactCodec.encode({ kind: 'answer', sdp: answer.sdp }, { offerUfrag });
    const decoded = compactCodec.decode(text);
    if (!decoded.ok) throw new Error(decoded.error.code);
    expect(answersOffer(decoded.value, offerUfrag)).toBe(true);
    expect(answersOffer(decoded.value, iceUfrag(otherOffer.sdp))).toBe(false);
    expect(sdpMeaning(decoded.value.sdp)).toEqual(sdpMeaning(answer.sdp));
  });

  it('an answer without a tag is not refused', () => {
    const answer = answers[0]!;
    const decoded = compactCodec.decode(compactCodec.encode({ kind: 'answer', sdp: answer.sdp }));
    expect(decoded.ok && decoded.value.offerTag).toBeUndefined();
    expect(decoded.ok && answersOffer(decoded.value, 'abcd')).toBe(true);
  });

  it('offers never carry a tag, even when asked', () => {
    const offer = corpus.find((s) => s.kind === 'offer')!;
    const plain = compactCodec.encode({ kind: 'offer', sdp: offer.sdp });
    expect(compactCodec.encode({ kind: 'offer', sdp: offer.sdp }, { offerUfrag: 'abcd' })).toBe(plain);
  });
});
