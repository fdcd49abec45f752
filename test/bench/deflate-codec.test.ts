import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { deflateCodec } from '../../bench/baselines/deflate-codec.ts';

const offerSdp = readFileSync(new URL('../fixtures/sdp/chromium156-offer-data-mdns-srflx.sdp', import.meta.url), 'utf8');
const answerSdp = readFileSync(new URL('../fixtures/sdp/firefox153-answer-data-ip.sdp', import.meta.url), 'utf8');

function errorCode(text: string): string {
  const result = deflateCodec.decode(text);
  return result.ok ? 'ok' : result.error.code;
}

describe('deflateCodec (version 1)', () => {
  test('round-trips offers and answers exactly', () => {
    for (const [kind, sdp] of [['offer', offerSdp], ['answer', answerSdp]] as const) {
      const decoded = deflateCodec.decode(deflateCodec.encode({ kind, sdp }));
      expect(decoded).toEqual({ ok: true, value: { kind, sdp } });
    }
  });

  test('accepts the blob inside a link, wrapped across lines, or quoted', () => {
    const blob = deflateCodec.encode({ kind: 'offer', sdp: offerSdp });
    const wrapped = `"${blob.slice(0, 40)}\n${blob.slice(40, 90)}\r\n  ${blob.slice(90)}"`;
    expect(deflateCodec.decode(`https://example.org/app/#${blob}`).ok).toBe(true);
    expect(deflateCodec.decode(wrapped).ok).toBe(true);
  });

  test('names what is wrong with bad input', () => {
    const blob = deflateCodec.encode({ kind: 'offer', sdp: offerSdp });
    expect(errorCode('')).toBe('empty');
    expect(errorCode('   \n ')).toBe('empty');
    expect(errorCode('hello, is this thing on?')).toBe('not-a-blob');
    expect(errorCode('v=0 o=- 1 2 IN IP4 127.0.0.1')).toBe('not-a-blob');
    expect(errorCode(blob.slice(0, blob.length - 7))).toBe('truncated');
    expect(errorCode(blob.slice(0, 6))).toBe('truncated');
    expect(errorCode(blob.slice(0, 2) + 'Z' + blob.slice(3))).not.toBe('ok');
  });

  test('every single-character change is caught', () => {
    const blob = deflateCodec.encode({ kind: 'answer', sdp: answerSdp });
    for (let i = 0; i < blob.length; i++) {
      const replacement = blob[i] === 'A' ? 'B' : 'A';
      const changed = blob.slice(0, i) + replacement + blob.slice(i + 1);
      expect(errorCode(changed), `position ${i}`).not.toBe('ok');
    }
  });
});
