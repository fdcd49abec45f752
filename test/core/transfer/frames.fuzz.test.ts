import { describe, expect, test } from 'vitest';
import {
  decodeFrame,
  encodeAckFrame,
  encodeDataFrame,
  encodeEndFrame,
  FRAME_HEADER_BYTES,
  type Frame,
} from '../../../src/core/transfer/frames.ts';
import { prng, randomBytes } from './fixtures.ts';

const CASES = 10_000;

function encode(frame: Frame): Uint8Array {
  if (frame.kind === 'data') return encodeDataFrame(frame.offset, frame.payload);
  if (frame.kind === 'end') return encodeEndFrame(frame.size, frame.sha256);
  return encodeAckFrame(frame.offset);
}

/** A damaged version of a valid frame, or plain noise. */
function mutant(random: () => number, seed: number): Uint8Array {
  const at = (n: number): number => Math.floor(random() * n);
  const valid = [
    encodeDataFrame(at(2 ** 40), randomBytes(1 + at(300), seed)),
    encodeEndFrame(at(2 ** 30), randomBytes(32, seed)),
    encodeAckFrame(at(2 ** 53)),
  ][at(3)]!;
  let bytes: Uint8Array = valid.slice();
  for (let n = 1 + at(3); n > 0; n--) {
    switch (at(5)) {
      case 0: // flip one bit anywhere, usually the header, where it matters most
        if (bytes.length > 0) bytes[at(Math.min(bytes.length, random() < 0.7 ? FRAME_HEADER_BYTES : bytes.length))]! ^= 1 << at(8);
        break;
      case 1:
        bytes = bytes.slice(0, at(bytes.length + 1));
        break;
      case 2:
        bytes = Uint8Array.from([...bytes, ...randomBytes(1 + at(40), seed + n)]);
        break;
      case 3:
        if (bytes.length > 0) bytes[at(bytes.length)] = at(256);
        break;
      default:
        bytes = randomBytes(at(64), seed + 7 * n);
    }
  }
  return bytes;
}

describe('frame decoder fuzz', () => {
  test(`${CASES} damaged frames: a typed error or a frame that re-encodes to the same bytes, never a throw`, () => {
    const random = prng(0x5eed);
    const codes = new Map<string, number>();
    for (let i = 0; i < CASES; i++) {
      const bytes = mutant(random, i);
      let result: ReturnType<typeof decodeFrame> | undefined;
      expect(() => (result = decodeFrame(random() < 0.5 ? bytes : bytes.slice().buffer))).not.toThrow();
      const decoded = result!;
      if (decoded.ok) {
        // Anything accepted must be exactly what an honest sender would have sent.
        expect(Buffer.from(encode(decoded.value)).equals(bytes)).toBe(true);
        codes.set('ok', (codes.get('ok') ?? 0) + 1);
      } else {
        expect(typeof decoded.error.code).toBe('string');
        expect(decoded.error.detail.length).toBeGreaterThan(0);
        codes.set(decoded.error.code, (codes.get(decoded.error.code) ?? 0) + 1);
      }
    }
    // The mutations reach every error the decoder knows, so none of its branches goes untried.
    expect([...codes.keys()].sort()).toEqual(
      ['ack-with-payload', 'bad-digest-length', 'empty-data', 'length-mismatch', 'offset-too-large', 'ok', 'too-short', 'unknown-kind'].sort(),
    );
  });

  test('non-binary values of every kind are refused', () => {
    for (const value of [undefined, null, 0, 1.5, 'x', '', {}, [], [1, 2], new Blob(['abc']), true, Symbol('s')]) {
      const decoded = decodeFrame(value);
      expect(decoded.ok || decoded.error.code).toBe('not-binary');
    }
  });
});
