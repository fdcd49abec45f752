import type { Result } from '../util/result.ts';

/** Which half of the exchange a blob carries. */
export type SignalKind = 'offer' | 'answer';

/** A session description as the browser produced it, tagged with its kind. */
export interface SignalDescription {
  readonly kind: SignalKind;
  readonly sdp: string;
  /**
   * Answers decoded by compactCodec may carry 8 bits of a hash of the ice-ufrag of the offer they
   * answer (see offer-tag.ts), so that the offerer can refuse an answer to another offer.
   */
  readonly offerTag?: number | undefined;
}

/** Optional inputs to SignalCodec.encode; codecs ignore those they do not support. */
export interface EncodeOptions {
  /** Use the lossless general form even when a compact form could express the description. */
  readonly forceFallback?: boolean | undefined;
  /** When encoding an answer: the ice-ufrag of the offer it answers (its tag goes into the blob). */
  readonly offerUfrag?: string | undefined;
}

export const DECODE_ERROR_CODES = [
  'empty',
  'too-long',
  'not-a-blob',
  'unsupported-version',
  'damaged',
  'truncated',
  'invalid-description',
] as const;
export type DecodeErrorCode = (typeof DECODE_ERROR_CODES)[number];

/** Why a text is not a usable code; the UI words each one (ui/text/problem-text.ts). */
export interface DecodeError {
  readonly code: DecodeErrorCode;
}

/**
 * The one seam between the session and the text people copy, paste and scan. A codec may answer
 * later (lazyCodec loads the fallback form's compressor when a blob first needs it).
 */
export interface SignalCodec {
  encode(description: SignalDescription, options?: EncodeOptions): string | Promise<string>;
  /** Never throws for any input: every malformed one maps to a DecodeError. */
  decode(text: string): Result<SignalDescription, DecodeError> | Promise<Result<SignalDescription, DecodeError>>;
}

/** A codec that answers at once (compactCodec, fallbackCodec): what tests and benchmarks use. */
export interface SyncSignalCodec extends SignalCodec {
  encode(description: SignalDescription, options?: EncodeOptions): string;
  decode(text: string): Result<SignalDescription, DecodeError>;
}

export function decodeError(code: DecodeErrorCode): DecodeError {
  return { code };
}

/**
 * People paste what chat apps hand them: a link with the blob in its fragment, surrounding
 * quotes or whitespace, lines wrapped by the messenger. Reduce all of that to the bare blob.
 */
export function extractBlobText(input: string): string {
  const hash = input.lastIndexOf('#');
  const fromFragment = hash >= 0 ? input.slice(hash + 1) : input;
  return fromFragment.replace(/[\s"'<>`]/g, '');
}
