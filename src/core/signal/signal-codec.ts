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

export type DecodeErrorCode =
  | 'empty'
  | 'not-a-blob'
  | 'unsupported-version'
  | 'damaged'
  | 'truncated'
  | 'invalid-description';

export interface DecodeError {
  readonly code: DecodeErrorCode;
  /** One sentence a user can act on. */
  readonly message: string;
}

/** The one seam between the session and the text people copy, paste and scan. */
export interface SignalCodec {
  encode(description: SignalDescription, options?: EncodeOptions): string;
  /** Never throws: every malformed input maps to a DecodeError. */
  decode(text: string): Result<SignalDescription, DecodeError>;
}

export const DECODE_MESSAGES: Readonly<Record<DecodeErrorCode, string>> = {
  empty: 'Nothing was pasted. Paste the text the other device shows.',
  'not-a-blob': 'This is not a connection code from this page. Copy the whole text the other device shows.',
  'unsupported-version':
    'This code was made by a different version of this page. Open the same page on both devices.',
  damaged: 'This code is damaged (a character was changed or lost). Copy it again, completely.',
  truncated: 'This code is incomplete: part of it is missing. Copy it again, completely.',
  'invalid-description': 'This code does not contain a usable connection description. Create a new one.',
};

export function decodeError(code: DecodeErrorCode): DecodeError {
  return { code, message: DECODE_MESSAGES[code] };
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
