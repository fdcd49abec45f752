import { CRC_BYTES, MAX_HEADER_BITS } from './internal/blob-frame.ts';
import { FINGERPRINT_BYTES, LENGTH_BITS } from './internal/fallback-body.ts';

// How long a blob can be, derived from its format (docs/blob-format.md §2, §8), so that longer
// input is refused by its length alone, before a single character is read.

/** Base41 text length of `bytes` bytes: 3 characters per 2 bytes, 2 for a last odd byte (§2). */
export function base41Length(bytes: number): number {
  return 3 * Math.floor(bytes / 2) + 2 * (bytes % 2);
}

/**
 * The largest blob the format allows: a tagged answer in the fallback form with its fingerprint
 * moved out (header, flag and 32 bytes, padded to a byte), the 16-bit length at its maximum and as
 * many compressed bytes, then the CRC. 65,573 bytes. The compact form stays far below it (15
 * candidates at most, about 1 kB even with the longest credentials and IPv6 everywhere), and a
 * compressed text of that length can be valid: deflate may pad with empty stored blocks.
 */
export const MAX_BLOB_BYTES =
  Math.ceil((MAX_HEADER_BITS + 1 + 8 * FINGERPRINT_BYTES) / 8) + LENGTH_BITS / 8 + (2 ** LENGTH_BITS - 1) + CRC_BYTES;

/** The longest blob text there can be: 98,360 characters. */
export const MAX_BLOB_CHARS = base41Length(MAX_BLOB_BYTES);

/**
 * The longest input read at all (a paste, a link, a QR code's text): twice the longest blob, room
 * for a line break after every character of it, plus 8 KiB for a link's address before the `#`.
 * 204,912 characters; a 10 MB paste is refused at once with `too-long`.
 */
export const MAX_INPUT_CHARS = 2 * MAX_BLOB_CHARS + 8 * 1024;
