import { err, ok, type Result } from '../util/result.ts';
import { fromBase41, fromBase41Prefix, isBase41Text, toBase41 } from './internal/base41.ts';
import { BLOB_VERSION, blobVersion, CRC_BYTES, hasValidCrc, parseBlob, writeBlob, type BlobBody } from './internal/blob-frame.ts';
import { dataDescriptionFromSdp } from './internal/data-description-from-sdp.ts';
import { buildDataSdp } from './internal/data-sdp-template.ts';
import { fallbackSdp } from './internal/fallback-body.ts';
import { offerTag } from './offer-tag.ts';
import { checkSdp } from './sdp-check.ts';
import { sdpMeaning } from './internal/sdp-meaning.ts';
import {
  decodeError,
  extractBlobText,
  type DecodeError,
  type DecodeErrorCode,
  type EncodeOptions,
  type SignalCodec,
  type SignalDescription,
} from './signal-codec.ts';

/**
 * The retired v1 codec's blobs (bench/baselines/deflate-codec.ts) start with magic 0x70, version 1,
 * kind 0 or 1: "cAEA" or "cAEB" in base64url.
 */
const VERSION_1_PREFIX = /^cAE[AB]/;

/**
 * Encodes a description as a version-3 blob in base41 text (docs/blob-format.md): the compact
 * form when it can carry the description's full meaning, else the lossless deflate form. The
 * compact result is decoded again and compared by sdpMeaning before it is trusted, so a
 * description the compact form would misrepresent always falls back.
 */
function encodeBlob(description: SignalDescription, options: EncodeOptions = {}): string {
  const { kind, sdp } = description;
  const tag = kind === 'answer' && options.offerUfrag !== undefined ? offerTag(options.offerUfrag) : undefined;
  const data = options.forceFallback ? undefined : dataDescriptionFromSdp(kind, sdp);
  if (data) {
    const text = toBase41(writeBlob({ kind, offerTag: tag, body: { mode: 'compact', description: data } }));
    const decoded = decodeBlob(text);
    if (decoded.ok && sameMeaning(decoded.value.sdp, sdp)) return text;
  }
  return toBase41(writeBlob({ kind, offerTag: tag, body: { mode: 'fallback', sdp } }));
}

/**
 * Text (a bare blob, or a link with the blob in its fragment, in any letter case, with chat-app
 * whitespace and quotes) to a description the browser can be given. Never throws.
 */
export function decodeBlob(input: string): Result<SignalDescription, DecodeError> {
  const text = extractBlobText(input);
  if (text === '') return fail('empty');
  if (VERSION_1_PREFIX.test(text)) return fail('unsupported-version');
  if (!isBase41Text(text)) return fail('not-a-blob');
  // Two characters are one byte only at the end of a blob; cut from a longer one, they say nothing.
  if (text.length < 3) return fail('truncated');
  const exact = fromBase41(text);
  const bytes = exact.ok ? exact.value : fromBase41Prefix(text);
  const intact = exact.ok && hasValidCrc(bytes);
  const version = blobVersion(bytes);
  // The CRC trailer is common to all versions: an intact blob of an unknown version comes from
  // another version of this page, while a broken one with an unknown version is not a blob at all.
  if (version !== BLOB_VERSION) return fail(intact ? 'unsupported-version' : 'not-a-blob');
  if (!intact) return fail(damageOf(bytes));

  const parsed = parseBlob(bytes.subarray(0, bytes.length - CRC_BYTES));
  if (!parsed.body || parsed.overrun || parsed.bodyBytes !== bytes.length - CRC_BYTES) return fail('invalid-description');
  const sdp = parsed.body.mode === 'compact' ? buildDataSdp(parsed.body.description) : fallbackSdp(parsed.body.payload);
  if (sdp === undefined || !checkSdp(sdp).ok) return fail('invalid-description');
  const { kind, offerTag: tag } = parsed;
  return ok(tag === undefined ? { kind, sdp } : { kind, sdp, offerTag: tag });
}

/** Which form a blob uses, for benchmarks and tests; undefined when it does not decode. */
export function blobMode(input: string): BlobBody['mode'] | undefined {
  const bytes = fromBase41(extractBlobText(input));
  if (!bytes.ok || !hasValidCrc(bytes.value)) return undefined;
  return parseBlob(bytes.value.subarray(0, bytes.value.length - CRC_BYTES)).body?.mode;
}

/** Picks the compact form whenever it is lossless in meaning, else the deflate form. */
export const compactCodec: SignalCodec = { encode: encodeBlob, decode: decodeBlob };

/** Always the lossless deflate form (same blob format, so compactCodec decodes it too). */
export const fallbackCodec: SignalCodec = {
  encode: (description, options) => encodeBlob(description, { ...options, forceFallback: true }),
  decode: decodeBlob,
};

/** A blob whose CRC fails was either cut short (its structure runs past its end) or changed. */
function damageOf(bytes: Uint8Array): DecodeErrorCode {
  const parsed = parseBlob(bytes);
  return parsed.overrun || parsed.bodyBytes + CRC_BYTES > bytes.length ? 'truncated' : 'damaged';
}

function sameMeaning(a: string, b: string): boolean {
  return JSON.stringify(sdpMeaning(a)) === JSON.stringify(sdpMeaning(b));
}

function fail(code: DecodeErrorCode): Result<never, DecodeError> {
  return err(decodeError(code));
}
