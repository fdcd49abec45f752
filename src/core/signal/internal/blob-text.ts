import { err, ok, type Result } from '../../util/result.ts';
import { fromBase41, fromBase41Prefix, isBase41Text, toBase41 } from './base41.ts';
import { MAX_BLOB_CHARS, MAX_INPUT_CHARS } from '../blob-limits.ts';
import { BLOB_VERSION, blobVersion, CRC_BYTES, hasValidCrc, parseBlob, writeBlob, type BlobBody } from './blob-frame.ts';
import { dataDescriptionFromSdp } from './data-description-from-sdp.ts';
import { buildDataSdp } from './data-sdp-template.ts';
import type { FallbackPayload } from './fallback-body.ts';
import { offerTag } from '../offer-tag.ts';
import { checkSdp } from '../sdp-check.ts';
import { sdpMeaning } from './sdp-meaning.ts';
import {
  decodeError,
  extractBlobText,
  type DecodeError,
  type DecodeErrorCode,
  type EncodeOptions,
  type SignalDescription,
  type SignalKind,
} from '../signal-codec.ts';

// Version-3 blobs as text (docs/blob-format.md), everything but the fallback form's compression,
// which the codecs bring: compact-codec.ts statically, lazy-codec.ts on first use.

/**
 * The retired v1 codec's blobs (bench/baselines/deflate-codec.ts) start with magic 0x70, version 1,
 * kind 0 or 1: "cAEA" or "cAEB" in base64url.
 */
const VERSION_1_PREFIX = /^cAE[AB]/;

/** An intact blob as read: a compact body already rebuilt to SDP, a fallback one still compressed. */
export interface ReadBlob {
  readonly kind: SignalKind;
  readonly offerTag: number | undefined;
  readonly body: { readonly mode: 'compact'; readonly sdp: string } | { readonly mode: 'fallback'; readonly payload: FallbackPayload };
}

/**
 * The compact form's text when it carries the description's full meaning, else undefined. The
 * result is decoded again and compared by sdpMeaning before it is trusted, so a description the
 * compact form would misrepresent always falls back.
 */
export function compactBlobText(description: SignalDescription, options: EncodeOptions): string | undefined {
  const data = options.forceFallback ? undefined : dataDescriptionFromSdp(description.kind, description.sdp);
  if (!data) return undefined;
  const text = blobText(description.kind, options, { mode: 'compact', description: data });
  const read = readBlob(text);
  const rebuilt = read.ok && read.value.body.mode === 'compact' ? describedBy(read.value, read.value.body.sdp) : undefined;
  return rebuilt?.ok && sameMeaning(rebuilt.value.sdp, description.sdp) ? text : undefined;
}

export function fallbackBlobText(kind: SignalKind, options: EncodeOptions, payload: FallbackPayload): string {
  return blobText(kind, options, { mode: 'fallback', payload });
}

/**
 * Text (a bare blob, or a link with the blob in its fragment, in any letter case, with chat-app
 * whitespace and quotes) to what the blob carries. Never throws.
 */
export function readBlob(input: string): Result<ReadBlob, DecodeError> {
  // By length alone, before anything is read: a megabyte paste must not freeze the page.
  if (input.length > MAX_INPUT_CHARS) return fail('too-long');
  const text = extractBlobText(input);
  if (text === '') return fail('empty');
  if (text.length > MAX_BLOB_CHARS) return fail('too-long');
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

  const { body, overrun, bodyBytes, kind, offerTag: tag } = parseBlob(bytes.subarray(0, bytes.length - CRC_BYTES));
  if (!body || overrun || bodyBytes !== bytes.length - CRC_BYTES) return fail('invalid-description');
  const read = body.mode === 'compact' ? ({ mode: 'compact', sdp: buildDataSdp(body.description) } as const) : body;
  return ok({ kind, offerTag: tag, body: read });
}

/** The description a blob decodes to, once its SDP is known (undefined: it did not inflate). */
export function describedBy({ kind, offerTag: tag }: ReadBlob, sdp: string | undefined): Result<SignalDescription, DecodeError> {
  if (sdp === undefined || !checkSdp(sdp).ok) return fail('invalid-description');
  return ok(tag === undefined ? { kind, sdp } : { kind, sdp, offerTag: tag });
}

/** Which form a blob uses, for benchmarks and tests; undefined when it does not decode. */
export function blobMode(input: string): BlobBody['mode'] | undefined {
  if (input.length > MAX_INPUT_CHARS) return undefined;
  const bytes = fromBase41(extractBlobText(input));
  if (!bytes.ok || !hasValidCrc(bytes.value)) return undefined;
  return parseBlob(bytes.value.subarray(0, bytes.value.length - CRC_BYTES)).body?.mode;
}

function blobText(kind: SignalKind, options: EncodeOptions, body: BlobBody): string {
  const tag = kind === 'answer' && options.offerUfrag !== undefined ? offerTag(options.offerUfrag) : undefined;
  return toBase41(writeBlob({ kind, offerTag: tag, body }));
}

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
