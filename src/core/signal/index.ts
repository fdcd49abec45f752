/**
 * The signal folder's public surface: what code outside src/core/signal may import. Everything
 * under internal/ is the blob format's machinery (docs/blob-format.md) and may change freely.
 * compact-codec.ts (compactCodec, fallbackCodec: synchronous, for Node, tests and benchmarks) is
 * public too but not re-exported here: it imports the fallback form's compressor statically, and
 * everything here is in the page's entry chunk.
 */
export { isIntactBlob, lazyCodec } from './lazy-codec.ts';
export { blobMode } from './internal/blob-text.ts';
export { answersOffer, offerTag } from './offer-tag.ts';
/** For the link diagnosis: what kind of address each candidate of a description is. */
export { parseCandidateLine, type CandidateLine } from './internal/candidate-line.ts';
export { iceFormOf } from './internal/ice-credentials.ts';
export { MAX_BLOB_CHARS, MAX_INPUT_CHARS } from './blob-limits.ts';
export { checkSdp, countCandidates, iceUfrag, MAX_SDP_CHARS } from './sdp-check.ts';
export {
  DECODE_ERROR_CODES,
  decodeError,
  extractBlobText,
  type DecodeError,
  type DecodeErrorCode,
  type SignalCodec,
  type SignalDescription,
  type SignalKind,
  type SyncSignalCodec,
} from './signal-codec.ts';
/** For benchmarks and tests: what two descriptions must share to set up the same connection. */
export { sdpMeaning } from './internal/sdp-meaning.ts';
/** For benchmarks: the text alphabet, whose size sets the bits each character carries. */
export { BASE41_ALPHABET } from './internal/base41.ts';
