import { describe, expect, test } from 'vitest';
import {
  decodeFrame,
  encodeAckFrame,
  encodeDataFrame,
  encodeEndFrame,
  FRAME_HEADER_BYTES,
  MAX_DATA_PAYLOAD_BYTES,
  type FrameErrorCode,
  writeDataHeader,
} from '../../../src/core/transfer/frames.ts';
import { randomBytes } from './fixtures.ts';

function codeOf(data: unknown): FrameErrorCode | 'ok' {
  const decoded = decodeFrame(data);
  return decoded.ok ? 'ok' : decoded.error.code;
}

describe('file channel frames', () => {
  test('a data frame round-trips, from an ArrayBuffer as the channel delivers it', () => {
    const payload = randomBytes(1000, 7);
    const frame = encodeDataFrame(123_456, payload);
    expect(frame.byteLength).toBe(FRAME_HEADER_BYTES + 1000);
    const decoded = decodeFrame(frame.buffer);
    expect(decoded).toEqual({ ok: true, value: { kind: 'data', offset: 123_456, payload } });
  });

  test('offsets above 4 GiB and up to 2^53 - 1 survive', () => {
    for (const offset of [2 ** 32, 2 ** 32 + 5, 5 * 2 ** 40 + 17, Number.MAX_SAFE_INTEGER]) {
      const decoded = decodeFrame(encodeAckFrame(offset).buffer);
      expect(decoded).toEqual({ ok: true, value: { kind: 'ack', offset } });
    }
  });

  test('end and ack frames round-trip', () => {
    const digest = randomBytes(32, 3);
    expect(decodeFrame(encodeEndFrame(99, digest))).toEqual({ ok: true, value: { kind: 'end', size: 99, sha256: digest } });
    expect(decodeFrame(encodeAckFrame(0))).toEqual({ ok: true, value: { kind: 'ack', offset: 0 } });
  });

  test('an end frame of the first version (kind 2, one streaming SHA-256) is refused, not compared', () => {
    const oldEnd = encodeEndFrame(99, randomBytes(32, 3));
    oldEnd[0] = 2;
    expect(codeOf(oldEnd)).toBe('unknown-kind');
  });

  test('writeDataHeader frames a payload already in place, in a buffer reused for every frame', () => {
    const buffer = new Uint8Array(FRAME_HEADER_BYTES + 100);
    buffer.set(randomBytes(100, 5), FRAME_HEADER_BYTES);
    expect(writeDataHeader(buffer, 7, 100)).toEqual(encodeDataFrame(7, buffer.subarray(FRAME_HEADER_BYTES)));
    buffer.set([9, 9, 9], FRAME_HEADER_BYTES);
    const shorter = writeDataHeader(buffer, 107, 3);
    expect(shorter.byteLength).toBe(FRAME_HEADER_BYTES + 3);
    expect(decodeFrame(shorter)).toEqual({ ok: true, value: { kind: 'data', offset: 107, payload: new Uint8Array([9, 9, 9]) } });
  });

  test('each kind of damage has its own typed error', () => {
    const data = encodeDataFrame(0, new Uint8Array([1, 2, 3]));
    const withByte = (at: number, value: number): Uint8Array => {
      const copy = data.slice();
      copy[at] = value;
      return copy;
    };
    expect(codeOf('text')).toBe('not-binary');
    expect(codeOf(new Blob([data]))).toBe('not-binary');
    expect(codeOf(null)).toBe('not-binary');
    expect(codeOf(data.slice(0, FRAME_HEADER_BYTES - 1))).toBe('too-short');
    expect(codeOf(withByte(0, 9))).toBe('unknown-kind');
    expect(codeOf(withByte(1, 0x01))).toBe('offset-too-large');
    expect(codeOf(data.slice(0, -1))).toBe('length-mismatch');
    expect(codeOf(encodeDataFrame(0, new Uint8Array(0)))).toBe('empty-data');
    expect(codeOf(encodeDataFrame(0, new Uint8Array(MAX_DATA_PAYLOAD_BYTES + 1)))).toBe('payload-too-large');
    expect(codeOf(encodeEndFrame(0, new Uint8Array(31)))).toBe('bad-digest-length');
    expect(codeOf(withByte(0, 3))).toBe('ack-with-payload');
  });

  test('a view into a larger buffer decodes only its own bytes', () => {
    const frame = encodeDataFrame(8, new Uint8Array([5, 6]));
    const padded = new Uint8Array(frame.byteLength + 20);
    padded.set(frame, 10);
    const decoded = decodeFrame(padded.subarray(10, 10 + frame.byteLength));
    expect(decoded.ok && decoded.value).toEqual({ kind: 'data', offset: 8, payload: new Uint8Array([5, 6]) });
  });
});
