import { deflateRaw } from 'pako';
import { problemText } from '../../../src/ui/text/problem-text.ts';
import { describe, expect, it } from 'vitest';
import { BASE41_ALPHABET } from '../../../src/core/signal/index.ts';
import { compactCodec } from '../../../src/core/signal/compact-codec.ts';
import { toBase41 } from '../../../src/core/signal/internal/base41.ts';
import { BitWriter } from '../../../src/core/signal/internal/bit-writer.ts';
import { writeBlob } from '../../../src/core/signal/internal/blob-frame.ts';
import { compressFallback } from '../../../src/core/signal/internal/fallback-compression.ts';
import { crc16 } from '../../../src/core/signal/internal/crc16.ts';
import { deflateCodec } from '../../../bench/baselines/deflate-codec.ts';
import { SDP_DICTIONARY } from '../../../src/core/signal/internal/sdp-dictionary.ts';
import type { DecodeErrorCode } from '../../../src/core/signal/signal-codec.ts';
import { corpusSample } from './sdp-corpus.ts';

const sample = corpusSample('chromium156-offer-data-mdns-srflx.sdp');
const blob = compactCodec.encode({ kind: 'offer', sdp: sample.sdp });
const fallbackBlob = compactCodec.encode({ kind: 'offer', sdp: sample.sdp }, { forceFallback: true });

function codeOf(text: string): DecodeErrorCode | 'ok' {
  const result = compactCodec.decode(text);
  return result.ok ? 'ok' : result.error.code;
}

/** Bytes with a correct CRC-16 trailer, as text. */
function withCrc(bytes: Uint8Array): string {
  const out = new Uint8Array(bytes.length + 2);
  out.set(bytes);
  new DataView(out.buffer).setUint16(bytes.length, crc16(bytes));
  return toBase41(out);
}

/** A version-3 compact offer header, then whatever `body` writes, zero-padded, with its CRC. */
function compactOffer(body: (writer: BitWriter) => void): string {
  const writer = new BitWriter();
  writer.write(3, 4); // version
  writer.write(0, 2); // offer, compact
  body(writer);
  return withCrc(writer.toBytes());
}

describe('compactCodec.decode accepts what people paste', () => {
  it.each([
    ['the bare blob', blob],
    ['lower case', blob.toLowerCase()],
    ['a link with the blob in its fragment', `https://example.github.io/p2p-direct-app/#${blob}`],
    ['line breaks and spaces a messenger inserted', `${blob.slice(0, 40)}\n${blob.slice(40, 90)} ${blob.slice(90)}\n`],
    ['quotes and angle brackets', `"<${blob}>"`],
  ])('%s', (_, text) => {
    expect(compactCodec.decode(text)).toEqual(compactCodec.decode(blob));
    expect(codeOf(text)).toBe('ok');
  });
});

describe('compactCodec.decode explains what is wrong', () => {
  it.each<[string, string, DecodeErrorCode]>([
    ['nothing', ' \n\t', 'empty'],
    ['a sentence', 'Here is my code!', 'not-a-blob'],
    ['a link to something else', 'https://example.org/page', 'not-a-blob'],
    ['a blob from the previous version (deflateCodec)', deflateCodec.encode({ kind: 'offer', sdp: sample.sdp }), 'unsupported-version'],
    ['the first half', blob.slice(0, 63), 'truncated'],
    ['all but the last character', blob.slice(0, -1), 'truncated'],
    ['all but the last three characters', blob.slice(0, -3), 'truncated'],
    ['a fallback blob cut short', fallbackBlob.slice(0, -10), 'truncated'],
    ['a changed character', `${blob.slice(0, 50)}${blob[50] === 'A' ? 'B' : 'A'}${blob.slice(51)}`, 'damaged'],
    ['two characters swapped', `${blob.slice(0, 70)}${blob[71]}${blob[70]}${blob.slice(72)}`, 'damaged'],
    ['an extra character', `${blob}7`, 'damaged'],
    ['an extra chunk', `${blob}777`, 'damaged'],
  ])('%s', (_, text, code) => {
    expect(codeOf(text)).toBe(code);
  });

  it('says unsupported-version for an intact blob of a later version', () => {
    const bytes = new Uint8Array(40);
    bytes[0] = 0x40;
    expect(codeOf(withCrc(bytes))).toBe('unsupported-version');
  });

  it('says not-a-blob for random text that happens to use the alphabet', () => {
    expect(codeOf('HELLOWORLDTHISISATEST')).toBe('not-a-blob');
  });

  it('says invalid-description for an intact blob whose content is unusable', () => {
    const notSdp = toBase41(writeBlob({ kind: 'offer', offerTag: undefined, body: { mode: 'fallback', payload: compressFallback('hello') } }));
    expect(codeOf(notSdp)).toBe('invalid-description');
  });

  describe('says invalid-description for fields no encoder writes (each next to a valid twin)', () => {
    const chromiumOffer = (candidates: (writer: BitWriter) => void) =>
      compactOffer((writer) => {
        writer.write(0, 1); // Chromium profile
        writer.writeBytes(new Uint8Array(21)); // 4 + 24 ICE characters of 6 bits
        writer.writeBytes(new Uint8Array(32)); // fingerprint
        candidates(writer);
        writer.write(0b00, 2); // end of the candidates
      });
    /** An explicit profile's fields given as binary digits, then `iceChars` zero ICE characters. */
    const explicitOffer = (fields: string, iceChars: number) =>
      compactOffer((writer) => {
        writer.write(0b11, 2); // explicit profile
        for (const digit of fields) writer.write(Number(digit), 1);
        for (let i = 0; i < iceChars; i++) writer.write(0, 6);
        writer.writeBytes(new Uint8Array(32)); // fingerprint
        writer.write(0b00, 2); // no candidates
      });
    const hostUdpIpv4 = (writer: BitWriter, i: number): void => {
      writer.write(0b100, 3);
      writer.write(0x0a000001 + i, 32);
      writer.write(5000, 16);
    };

    it.each<[string, string, string]>([
      [
        'an explicit profile that spells out Chromium’s',
        chromiumOffer(() => {}),
        compactOffer((writer) => {
          writer.write(0b11, 2); // explicit: max-message-size code 1, no end-of-candidates, trickle, short ICE form
          writer.write(0b01_0_1_00, 6);
          writer.writeBytes(new Uint8Array(21 + 32));
          writer.write(0b00, 2);
        }),
      ],
      [
        // max-message-size code 1, end-of-candidates, trickle bit, ICE form 3: ICE options and ICE form follow
        'an extended explicit profile whose trickle bit is set',
        explicitOffer('01' + '1' + '0' + '11' + '10' + '11', 4 + 22), // ice2,trickle; libdatachannel credentials
        explicitOffer('01' + '1' + '1' + '11' + '10' + '11', 4 + 22),
      ],
      [
        'an extended explicit profile that the basic fields could say',
        explicitOffer('01' + '1' + '1' + '00', 4 + 24), // trickle; short credentials
        explicitOffer('01' + '1' + '0' + '11' + '01' + '00', 4 + 24),
      ],
      [
        'a general descriptor that spells out a preset',
        chromiumOffer((writer) => hostUdpIpv4(writer, 0)),
        chromiumOffer((writer) => {
          writer.write(0b11111, 5); // general: host, udp, IPv4 — preset 100
          writer.write(0b00_00_00, 6);
          writer.write(0x0a000001, 32);
          writer.write(5000, 16);
        }),
      ],
      [
        'sixteen candidates',
        chromiumOffer((writer) => Array.from({ length: 15 }, (_, i) => hostUdpIpv4(writer, i))),
        chromiumOffer((writer) => Array.from({ length: 16 }, (_, i) => hostUdpIpv4(writer, i))),
      ],
      [
        'a reference to an earlier candidate where there is none',
        chromiumOffer((writer) => {
          hostUdpIpv4(writer, 0);
          writer.write(0b1100, 4); // host, TCP active, address of candidate 0
        }),
        chromiumOffer((writer) => writer.write(0b1100, 4)),
      ],
    ])('%s', (_, valid, invalid) => {
      expect(codeOf(valid)).toBe('ok');
      expect(codeOf(invalid)).toBe('invalid-description');
    });
  });

  it('says invalid-description for a fallback body that carries a fingerprint but has no line for it', () => {
    const writer = new BitWriter();
    writer.write(3, 4); // version
    writer.write(0b01, 2); // offer, fallback
    writer.write(1, 1); // fingerprint taken out …
    writer.writeBytes(new Uint8Array(32));
    writer.alignToByte();
    const payload = deflateRaw(new TextEncoder().encode(sample.sdp), { dictionary: SDP_DICTIONARY }); // … but not blanked
    writer.write(payload.length, 16);
    writer.writeBytes(payload);
    expect(codeOf(withCrc(writer.toBytes()))).toBe('invalid-description');
  });

  it('catches every single changed character: one character changes at most 16 bits of one 2-byte group', () => {
    const answer = corpusSample('firefox153-answer-data-mdns-relay.sdp').sdp;
    const blobs = [blob, fallbackBlob, compactCodec.encode({ kind: 'answer', sdp: answer }, { offerUfrag: 'abcd' })];
    for (const text of blobs) {
      for (let i = 0; i < text.length; i++) {
        for (const char of BASE41_ALPHABET) {
          if (char === text[i]) continue;
          expect(codeOf(text.slice(0, i) + char + text.slice(i + 1)), `${i}: ${char}`).not.toBe('ok');
        }
      }
    }
  });

  it('names every error with a code the UI words (a short sentence a user can act on)', () => {
    for (const text of ['', 'x!', blob.slice(0, 10), `${blob}7`]) {
      const result = compactCodec.decode(text);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      const sentence = problemText({ kind: 'code', via: 'paste', problem: { kind: 'unreadable', code: result.error.code } });
      expect(sentence).toMatch(/^[A-Z][^.]*\.( [A-Z][^.]*\.)?$/);
    }
  });
});
