import type { BitReader } from './bit-reader.ts';
import type { BitWriter } from './bit-writer.ts';

export const FINGERPRINT_BYTES = 32;
/** The compressed text's length field: at most 65535 bytes. */
export const LENGTH_BITS = 16;

/** A fallback body's content: the compressed SDP, and the fingerprint taken out of it, if any. */
export interface FallbackPayload {
  readonly compressed: Uint8Array;
  readonly fingerprint: Uint8Array | undefined;
}

/**
 * The lossless form for descriptions the compact form cannot express (audio/video, unknown
 * attributes): a flag and, when set, the SHA-256 fingerprint's 32 bytes taken out of the text
 * (fallback-fingerprint.ts); zero padding to a byte boundary; a 16-bit big-endian length; the
 * SDP's UTF-8 bytes raw-deflated with a preset dictionary (fallback-compression.ts). Only the
 * layout lives here, so the page can read and write blobs without loading the compressor.
 */
export function writeFallbackBody(writer: BitWriter, { compressed, fingerprint }: FallbackPayload): void {
  writer.write(fingerprint ? 1 : 0, 1);
  if (fingerprint) writer.writeBytes(fingerprint);
  writer.alignToByte();
  writer.write(compressed.length, LENGTH_BITS);
  writer.writeBytes(compressed);
}

/** Undefined when the padding is not zero. Check reader.overrun. */
export function readFallbackBody(reader: BitReader): FallbackPayload | undefined {
  const fingerprint = reader.read(1) === 1 ? reader.readBytes(FINGERPRINT_BYTES) : undefined;
  const clean = reader.alignToByte();
  const compressed = reader.readBytes(reader.read(LENGTH_BITS));
  return clean ? { compressed, fingerprint } : undefined;
}
