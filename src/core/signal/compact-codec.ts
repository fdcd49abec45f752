import type { Result } from '../util/result.ts';
import { compactBlobText, describedBy, fallbackBlobText, readBlob } from './internal/blob-text.ts';
import { compressFallback, fallbackSdp } from './internal/fallback-compression.ts';
import type { DecodeError, EncodeOptions, SignalDescription, SyncSignalCodec } from './signal-codec.ts';

// The codecs for Node, tests and benchmarks: they answer at once, with the fallback form's
// compressor loaded up front. The page uses lazyCodec (lazy-codec.ts): the same blobs, but its
// entry chunk carries no compressor. Import this module directly; index.ts does not re-export it.

/**
 * Encodes a description as a version-3 blob in base41 text (docs/blob-format.md): the compact
 * form when it can carry the description's full meaning, else the lossless deflate form.
 */
function encodeBlob(description: SignalDescription, options: EncodeOptions = {}): string {
  return compactBlobText(description, options) ?? fallbackBlobText(description.kind, options, compressFallback(description.sdp));
}

/**
 * Text (a bare blob, or a link with the blob in its fragment, in any letter case, with chat-app
 * whitespace and quotes) to a description the browser can be given. Never throws.
 */
export function decodeBlob(input: string): Result<SignalDescription, DecodeError> {
  const read = readBlob(input);
  if (!read.ok) return read;
  const { body } = read.value;
  return describedBy(read.value, body.mode === 'compact' ? body.sdp : fallbackSdp(body.payload));
}

/** Picks the compact form whenever it is lossless in meaning, else the deflate form. */
export const compactCodec: SyncSignalCodec = { encode: encodeBlob, decode: decodeBlob };

/** Always the lossless deflate form (same blob format, so compactCodec decodes it too). */
export const fallbackCodec: SyncSignalCodec = {
  encode: (description, options) => encodeBlob(description, { ...options, forceFallback: true }),
  decode: decodeBlob,
};
