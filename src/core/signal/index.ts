/**
 * The signal folder's public surface: what code outside src/core/signal may import. Everything
 * under internal/ is the blob format's machinery (docs/blob-format.md) and may change freely.
 */
export { blobMode, compactCodec, fallbackCodec } from './compact-codec.ts';
export { answersOffer, offerTag } from './offer-tag.ts';
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
} from './signal-codec.ts';
/** For benchmarks and tests: what two descriptions must share to set up the same connection. */
export { sdpMeaning } from './internal/sdp-meaning.ts';
/** For benchmarks: the text alphabet, whose size sets the bits each character carries. */
export { BASE41_ALPHABET } from './internal/base41.ts';
