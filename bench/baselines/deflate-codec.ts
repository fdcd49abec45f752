import { deflateRaw, inflateRaw } from 'pako';
import { crc32 } from 'node:zlib';
import {
  checkSdp,
  decodeError,
  extractBlobText,
  MAX_SDP_CHARS,
  type DecodeError,
  type SyncSignalCodec,
  type SignalDescription,
  type SignalKind,
} from '../../src/core/signal/index.ts';
import { err, ok, type Result } from '../../src/core/util/result.ts';
import { fromBase64Url, hasCanonicalTail, toBase64Url } from './base64url.ts';

const MAGIC = 0x70;
const VERSION = 1;
const HEADER_BYTES = 9;
const KINDS: readonly SignalKind[] = ['offer', 'answer'];

/**
 * Version 1 blob: raw-deflated SDP behind a 9-byte header, all in base64url.
 *
 *   magic(1) version(1) kind(1) payloadLength(2, big-endian) crc32(4) payload
 *
 * The CRC covers every byte but itself; the length tells truncation apart from damage.
 */
export const deflateCodec: SyncSignalCodec = {
  encode({ kind, sdp }: SignalDescription): string {
    const payload = deflateRaw(new TextEncoder().encode(sdp), { level: 9 });
    const bytes = new Uint8Array(HEADER_BYTES + payload.length);
    bytes.set([MAGIC, VERSION, KINDS.indexOf(kind), payload.length >> 8, payload.length & 0xff]);
    bytes.set(payload, HEADER_BYTES);
    new DataView(bytes.buffer).setUint32(5, checksum(bytes));
    return toBase64Url(bytes);
  },

  decode(text: string): Result<SignalDescription, DecodeError> {
    const blob = extractBlobText(text);
    if (blob.length === 0) return err(decodeError('empty'));
    const decoded = fromBase64Url(blob);
    if (!decoded.ok) return err(decodeError(decoded.error === 'bad-length' ? 'truncated' : 'not-a-blob'));
    const bytes = decoded.value;
    if (bytes[0] !== MAGIC) return err(decodeError('not-a-blob'));
    if (bytes.length > 1 && bytes[1] !== VERSION) return err(decodeError('unsupported-version'));
    if (bytes.length < HEADER_BYTES) return err(decodeError('truncated'));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const payloadLength = view.getUint16(3);
    if (bytes.length < HEADER_BYTES + payloadLength) return err(decodeError('truncated'));
    if (bytes.length > HEADER_BYTES + payloadLength) return err(decodeError('damaged'));
    if (view.getUint32(5) !== checksum(bytes) || !hasCanonicalTail(blob)) return err(decodeError('damaged'));
    const kind = KINDS[bytes[2]!];
    if (kind === undefined) return err(decodeError('damaged'));
    const sdp = inflateText(bytes.subarray(HEADER_BYTES));
    if (sdp === undefined) return err(decodeError('damaged'));
    const checked = checkSdp(sdp);
    if (!checked.ok) return err(decodeError('invalid-description'));
    return ok({ kind, sdp });
  },
};

function checksum(bytes: Uint8Array): number {
  const covered = new Uint8Array(bytes.length - 4);
  covered.set(bytes.subarray(0, 5));
  covered.set(bytes.subarray(HEADER_BYTES), 5);
  return crc32(covered);
}

function inflateText(payload: Uint8Array): string | undefined {
  try {
    const inflated = inflateRaw(payload);
    if (!(inflated instanceof Uint8Array) || inflated.length > MAX_SDP_CHARS) return undefined;
    return new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    // pako reports corrupt streams by throwing or by returning undefined, depending on the error.
    return undefined;
  }
}
