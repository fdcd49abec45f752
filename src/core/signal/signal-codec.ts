import type { Result } from '../util/result.ts';

/** Which half of the exchange a blob carries. */
export type SignalKind = 'offer' | 'answer';

/** A session description as the browser produced it, tagged with its kind. */
export interface SignalDescription {
  readonly kind: SignalKind;
  readonly sdp: string;
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
  encode(description: SignalDescription): string;
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
