import { deflateRaw, Inflate } from 'pako';
import type { BitReader } from './bit-reader.ts';
import type { BitWriter } from './bit-writer.ts';
import { moveFingerprint, restoreFingerprint } from './fallback-fingerprint.ts';
import { MAX_SDP_CHARS } from '../sdp-check.ts';
import { SDP_DICTIONARY } from './sdp-dictionary.ts';

/** Compressed bytes are fed to inflate this many at a time, so a bomb is stopped early. */
const INFLATE_SLICE_BYTES = 64;
const FINGERPRINT_BYTES = 32;
/** zlib's Z_DEFAULT_STRATEGY and Z_FILTERED: each wins on some descriptions, by a few bytes. */
const STRATEGIES = [0, 1] as const;

/** A fallback body as read: the compressed SDP, and the fingerprint taken out of it, if any. */
export interface FallbackPayload {
  readonly compressed: Uint8Array;
  readonly fingerprint: Uint8Array | undefined;
}

/**
 * The lossless form for descriptions the compact form cannot express (audio/video, unknown
 * attributes): a flag and, when set, the SHA-256 fingerprint's 32 bytes taken out of the text
 * (fallback-fingerprint.ts); zero padding to a byte boundary; a 16-bit big-endian length; the
 * SDP's UTF-8 bytes raw-deflated (RFC 1951) with the preset dictionary of sdp-dictionary.ts.
 */
export function writeFallbackBody(writer: BitWriter, sdp: string): void {
  if (sdp.length > MAX_SDP_CHARS) throw new RangeError(`SDP longer than ${MAX_SDP_CHARS} characters`);
  const moved = moveFingerprint(sdp);
  writer.write(moved ? 1 : 0, 1);
  if (moved) writer.writeBytes(moved.fingerprint);
  const text = new TextEncoder().encode(moved?.sdp ?? sdp);
  const payload = STRATEGIES.map((strategy) => deflateRaw(text, { level: 9, strategy, dictionary: SDP_DICTIONARY })).reduce(
    (shortest, next) => (next.length < shortest.length ? next : shortest),
  );
  writer.alignToByte();
  writer.write(payload.length, 16);
  writer.writeBytes(payload);
}

/** Undefined when the padding is not zero. Check reader.overrun. */
export function readFallbackBody(reader: BitReader): FallbackPayload | undefined {
  const fingerprint = reader.read(1) === 1 ? reader.readBytes(FINGERPRINT_BYTES) : undefined;
  const clean = reader.alignToByte();
  const compressed = reader.readBytes(reader.read(16));
  return clean ? { compressed, fingerprint } : undefined;
}

/** The SDP a fallback body carries, or undefined when it does not inflate or restore. */
export function fallbackSdp({ compressed, fingerprint }: FallbackPayload): string | undefined {
  const sdp = inflateSdp(compressed);
  return sdp === undefined || fingerprint === undefined ? sdp : restoreFingerprint(sdp, fingerprint);
}

/**
 * Inflates to text, or undefined for a corrupt stream, invalid UTF-8, or output beyond
 * MAX_SDP_CHARS (checked as it grows, so a small blob cannot make us allocate megabytes).
 */
function inflateSdp(payload: Uint8Array): string | undefined {
  try {
    const inflator = new Inflate({ raw: true, dictionary: SDP_DICTIONARY, chunkSize: 16 * 1024 });
    const chunks: Uint8Array[] = [];
    let total = 0;
    inflator.onData = (chunk) => {
      chunks.push(chunk);
      total += chunk.length;
    };
    inflator.onEnd = () => {};
    for (let i = 0; i < payload.length && !inflator.ended && total <= MAX_SDP_CHARS; i += INFLATE_SLICE_BYTES) {
      inflator.push(payload.subarray(i, i + INFLATE_SLICE_BYTES), i + INFLATE_SLICE_BYTES >= payload.length);
    }
    if (!inflator.ended || inflator.err !== 0 || total > MAX_SDP_CHARS) return undefined;
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // pako reports most corrupt streams through `err`, but some inputs make it throw.
    return undefined;
  }
}
