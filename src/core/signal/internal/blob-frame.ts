import { BitReader } from './bit-reader.ts';
import { BitWriter } from './bit-writer.ts';
import { readCompactBody, writeCompactBody } from './compact-body.ts';
import { crc16 } from './crc16.ts';
import type { DataDescription } from './data-description.ts';
import { readFallbackBody, writeFallbackBody, type FallbackPayload } from './fallback-body.ts';
import type { SignalKind } from '../signal-codec.ts';

/**
 * Version 1 was deflateCodec's layout (magic byte 0x70, base64url), version 2 an unreleased
 * predecessor of this one (CRC-32); this is version 3. Its blobs' text starts with 7, 8 or 9.
 */
export const BLOB_VERSION = 3;
/** Every version from 3 on ends in the CRC-16 of all bytes before it: docs/blob-format.md §3. */
export const CRC_BYTES = 2;
/** The longest header, a tagged answer's: version 4, kind 1, mode 1, tag flag 1, tag 8. */
export const MAX_HEADER_BITS = 4 + 1 + 1 + 1 + 8;

/** The compact description, or the fallback form's payload (compressed by fallback-compression.ts). */
export type BlobBody =
  | { readonly mode: 'compact'; readonly description: DataDescription }
  | { readonly mode: 'fallback'; readonly payload: FallbackPayload };

interface BlobContent {
  readonly kind: SignalKind;
  /** Answers only: see offer-tag.ts. */
  readonly offerTag: number | undefined;
  readonly body: BlobBody;
}

/**
 * Header (bits): version 4, kind 1 (0 offer, 1 answer), mode 1 (0 compact, 1 fallback), and in
 * answers a tag flag 1 and, when set, the 8-bit offer tag. Then the body, zero bits to the next
 * byte boundary, and the CRC-16 (big-endian, crc16.ts) of all preceding bytes.
 */
export function writeBlob({ kind, offerTag, body }: BlobContent): Uint8Array {
  const writer = new BitWriter();
  writer.write(BLOB_VERSION, 4);
  writer.write(kind === 'answer' ? 1 : 0, 1);
  writer.write(body.mode === 'fallback' ? 1 : 0, 1);
  if (kind === 'answer') {
    writer.write(offerTag === undefined ? 0 : 1, 1);
    if (offerTag !== undefined) writer.write(offerTag, 8);
  }
  if (body.mode === 'compact') writeCompactBody(writer, body.description);
  else writeFallbackBody(writer, body.payload);
  const content = writer.toBytes();
  const blob = new Uint8Array(content.length + CRC_BYTES);
  blob.set(content);
  new DataView(blob.buffer).setUint16(content.length, crc16(content));
  return blob;
}

/** What a version-3 blob's bytes say, read structurally (the CRC is checked by the caller). */
interface ParsedBlob {
  readonly kind: SignalKind;
  readonly offerTag: number | undefined;
  /** Undefined if malformed. */
  readonly body: BlobBody | undefined;
  /** Bytes the header and body take, padding included (where the CRC should start). */
  readonly bodyBytes: number;
  /** The structure asked for more bytes than there were: the text was cut short. */
  readonly overrun: boolean;
}

/** The version nibble, or undefined for no bytes at all. */
export function blobVersion(bytes: Uint8Array): number | undefined {
  return bytes.length > 0 ? bytes[0]! >> 4 : undefined;
}

/**
 * Reads header and body as far as the bytes go (the version nibble is the caller's to check).
 * Used on intact blobs to decode them, and on damaged ones to tell truncation from damage.
 */
export function parseBlob(bytes: Uint8Array): ParsedBlob {
  const reader = new BitReader(bytes);
  reader.read(4);
  const kind: SignalKind = reader.read(1) === 1 ? 'answer' : 'offer';
  const mode = reader.read(1) === 1 ? 'fallback' : 'compact';
  const offerTag = kind === 'answer' && reader.read(1) === 1 ? reader.read(8) : undefined;
  let body: ParsedBlob['body'];
  if (mode === 'compact') {
    const description = readCompactBody(reader, kind);
    const cleanPadding = reader.alignToByte();
    body = description && cleanPadding ? { mode, description } : undefined;
  } else {
    const payload = readFallbackBody(reader);
    body = payload && { mode, payload };
  }
  return { kind, offerTag, body, bodyBytes: reader.bitPosition / 8, overrun: reader.overrun };
}

export function hasValidCrc(bytes: Uint8Array): boolean {
  if (bytes.length <= CRC_BYTES) return false;
  const content = bytes.subarray(0, bytes.length - CRC_BYTES);
  return new DataView(bytes.buffer, bytes.byteOffset).getUint16(content.length) === crc16(content);
}
