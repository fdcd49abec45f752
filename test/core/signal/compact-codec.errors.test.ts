import { describe, expect, it } from 'vitest';
import { toBase41 } from '../../../src/core/signal/base41.ts';
import { BitWriter } from '../../../src/core/signal/bit-writer.ts';
import { writeBlob } from '../../../src/core/signal/blob-frame.ts';
import { compactCodec } from '../../../src/core/signal/compact-codec.ts';
import { crc32 } from '../../../src/core/signal/crc32.ts';
import { deflateCodec } from '../../../src/core/signal/deflate-codec.ts';
import type { DecodeErrorCode } from '../../../src/core/signal/signal-codec.ts';
import { corpusSample } from './sdp-corpus.ts';

const sample = corpusSample('chromium156-offer-data-mdns-srflx.sdp');
const blob = compactCodec.encode({ kind: 'offer', sdp: sample.sdp });
const fallbackBlob = compactCodec.encode({ kind: 'offer', sdp: sample.sdp }, { forceFallback: true });

function codeOf(text: string): DecodeErrorCode | 'ok' {
  const result = compactCodec.decode(text);
  return result.ok ? 'ok' : result.error.code;
}

/** Bytes with a correct CRC-32 trailer, as text. */
function withCrc(bytes: Uint8Array): string {
  const out = new Uint8Array(bytes.length + 4);
  out.set(bytes);
  new DataView(out.buffer).setUint32(bytes.length, crc32(bytes));
  return toBase41(out);
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
    bytes[0] = 0x30;
    expect(codeOf(withCrc(bytes))).toBe('unsupported-version');
  });

  it('says not-a-blob for random text that happens to use the alphabet', () => {
    expect(codeOf('HELLOWORLDTHISISATEST')).toBe('not-a-blob');
  });

  it('says invalid-description for an intact blob whose content is unusable', () => {
    const notSdp = toBase41(writeBlob({ kind: 'offer', offerTag: undefined, body: { mode: 'fallback', sdp: 'hello' } }));
    expect(codeOf(notSdp)).toBe('invalid-description');
    const reservedIceForm = new BitWriter();
    reservedIceForm.write(2, 4); // version
    reservedIceForm.write(0, 2); // offer, compact
    reservedIceForm.write(0, 4); // mms code, end-of-candidates, trickle
    reservedIceForm.write(3, 2); // ICE form 3 is reserved
    reservedIceForm.writeBytes(new Uint8Array(60));
    expect(codeOf(withCrc(reservedIceForm.toBytes()))).toBe('invalid-description');
  });

  it('gives every error a short message a user can act on', () => {
    for (const text of ['', 'x!', blob.slice(0, 10), `${blob}7`]) {
      const result = compactCodec.decode(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/^[A-Z][^.]*\.( [A-Z][^.]*\.)?$/);
    }
  });
});
