import { err, ok, type Result } from '../util/result.ts';

/**
 * Binary frames on a file channel. Every frame has the same 13-byte header:
 *
 *   byte 0      kind: 1 data (sender → receiver), 4 end (sender → receiver), 3 ack (receiver → sender)
 *   bytes 1–8   offset, unsigned big-endian; must stay below 2^53 so it is exact as a JS number
 *   bytes 9–12  payload length, unsigned big-endian; must equal the bytes that follow
 *
 * The offset is the file position of a data payload, the file size in an end frame, and the bytes
 * written to the sink in an ack. Because the receiver insists that each data offset equals what it
 * already holds, a reordered, duplicated or lost frame is a protocol error, not a silently wrong file.
 * The length field catches a message that was cut or padded on the way.
 */
export const FRAME_HEADER_BYTES = 13;

/** Receivers refuse larger payloads: Chromium's max-message-size is 256 KiB, and it bounds memory. */
export const MAX_DATA_PAYLOAD_BYTES = 256 * 1024;

export const SHA256_BYTES = 32;

const KIND_DATA = 1;
/**
 * 2 was the end frame of the first version, whose digest was one streaming SHA-256. Its digest is
 * computed differently now (file-digest.ts), so the kind changed too: a peer running the other
 * version fails with an unknown frame kind instead of a false "the file differs".
 */
const KIND_END = 4;
const KIND_ACK = 3;
/** 2^53 / 2^32: the high word of an offset must stay below this. */
const MAX_OFFSET_HIGH_WORD = 0x200000;

export type Frame =
  | { readonly kind: 'data'; readonly offset: number; readonly payload: Uint8Array }
  | { readonly kind: 'end'; readonly size: number; readonly sha256: Uint8Array }
  | { readonly kind: 'ack'; readonly offset: number };

export type FrameErrorCode =
  | 'not-binary'
  | 'too-short'
  | 'unknown-kind'
  | 'offset-too-large'
  | 'length-mismatch'
  | 'empty-data'
  | 'payload-too-large'
  | 'bad-digest-length'
  | 'ack-with-payload';

export interface FrameError {
  readonly code: FrameErrorCode;
  readonly detail: string;
}

export function encodeDataFrame(offset: number, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const frame = new Uint8Array(FRAME_HEADER_BYTES + payload.byteLength);
  frame.set(payload, FRAME_HEADER_BYTES);
  return writeDataHeader(frame, offset, payload.byteLength);
}

/**
 * For a payload already in place after FRAME_HEADER_BYTES: writes the header and returns the
 * frame's view. RTCDataChannel.send() copies what it is given, so a sender can reuse one buffer
 * for every frame: a fresh 256 KiB buffer per frame cost the sending page about a tenth of its
 * main thread (CDP profile of bench:transfer's pages, docs/benchmarks.md).
 */
export function writeDataHeader(buffer: Uint8Array<ArrayBuffer>, offset: number, payloadBytes: number): Uint8Array<ArrayBuffer> {
  const frame = buffer.subarray(0, FRAME_HEADER_BYTES + payloadBytes);
  writeHeader(frame, KIND_DATA, offset, payloadBytes);
  return frame;
}

export function encodeEndFrame(size: number, sha256: Uint8Array): Uint8Array<ArrayBuffer> {
  const frame = header(KIND_END, size, sha256.byteLength);
  frame.set(sha256, FRAME_HEADER_BYTES);
  return frame;
}

export function encodeAckFrame(offset: number): Uint8Array<ArrayBuffer> {
  return header(KIND_ACK, offset, 0);
}

function header(kind: number, offset: number, payloadBytes: number): Uint8Array<ArrayBuffer> {
  const frame = new Uint8Array(FRAME_HEADER_BYTES + payloadBytes);
  writeHeader(frame, kind, offset, payloadBytes);
  return frame;
}

function writeHeader(frame: Uint8Array<ArrayBuffer>, kind: number, offset: number, payloadBytes: number): void {
  const view = new DataView(frame.buffer, frame.byteOffset, FRAME_HEADER_BYTES);
  view.setUint8(0, kind);
  view.setUint32(1, Math.floor(offset / 2 ** 32));
  view.setUint32(5, offset >>> 0);
  view.setUint32(9, payloadBytes);
}

/** Decodes what arrived on a file channel; the peer's page may be buggy or hostile, so it never throws. */
export function decodeFrame(data: unknown): Result<Frame, FrameError> {
  const bytes = asBytes(data);
  if (!bytes) return fail('not-binary', `expected binary data, got ${describe(data)}`);
  if (bytes.byteLength < FRAME_HEADER_BYTES) return fail('too-short', `${bytes.byteLength} bytes is shorter than a header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kind = view.getUint8(0);
  const high = view.getUint32(1);
  if (high >= MAX_OFFSET_HIGH_WORD) return fail('offset-too-large', 'offset beyond 2^53');
  const offset = high * 2 ** 32 + view.getUint32(5);
  const declared = view.getUint32(9);
  const payloadBytes = bytes.byteLength - FRAME_HEADER_BYTES;
  if (declared !== payloadBytes) return fail('length-mismatch', `header says ${declared} bytes, ${payloadBytes} arrived`);
  const payload = bytes.subarray(FRAME_HEADER_BYTES);
  switch (kind) {
    case KIND_DATA:
      if (payloadBytes === 0) return fail('empty-data', 'a data frame carries at least one byte');
      if (payloadBytes > MAX_DATA_PAYLOAD_BYTES) return fail('payload-too-large', `${payloadBytes} bytes in one frame`);
      return ok({ kind: 'data', offset, payload });
    case KIND_END:
      if (payloadBytes !== SHA256_BYTES) return fail('bad-digest-length', `digest of ${payloadBytes} bytes`);
      return ok({ kind: 'end', size: offset, sha256: payload });
    case KIND_ACK:
      if (payloadBytes !== 0) return fail('ack-with-payload', `ack carries ${payloadBytes} bytes`);
      return ok({ kind: 'ack', offset });
    default:
      return fail('unknown-kind', `frame kind ${kind}`);
  }
}

function asBytes(data: unknown): Uint8Array | undefined {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}

function describe(data: unknown): string {
  if (typeof data === 'string') return 'text';
  if (typeof Blob !== 'undefined' && data instanceof Blob) return 'a Blob (binaryType must be arraybuffer)';
  return typeof data;
}

function fail(code: FrameErrorCode, detail: string): { readonly ok: false; readonly error: FrameError } {
  return err({ code, detail });
}
