import { deflateRaw, Inflate } from 'pako';
import { moveFingerprint, restoreFingerprint } from './fallback-fingerprint.ts';
import type { FallbackPayload } from './fallback-body.ts';
import { MAX_SDP_CHARS } from '../sdp-check.ts';
import { SDP_DICTIONARY } from './sdp-dictionary.ts';

// pako and the dictionary are most of the fallback form's weight and only the fallback form needs
// them, so the page loads this module on first use (lazy-codec.ts). Nothing in the page's entry
// chunk may import it statically (test/core/signal/lazy-codec.test.ts checks).

/** Compressed bytes are fed to inflate this many at a time, so a bomb is stopped early. */
const INFLATE_SLICE_BYTES = 64;
/** zlib's Z_DEFAULT_STRATEGY and Z_FILTERED: each wins on some descriptions, by a few bytes. */
const STRATEGIES = [0, 1] as const;

/**
 * The fallback body's content for an SDP (docs/blob-format.md §5): the fingerprint moved out when
 * that is lossless, the rest raw-deflated (RFC 1951) with the preset dictionary of sdp-dictionary.ts.
 */
export function compressFallback(sdp: string): FallbackPayload {
  if (sdp.length > MAX_SDP_CHARS) throw new RangeError(`SDP longer than ${MAX_SDP_CHARS} characters`);
  const moved = moveFingerprint(sdp);
  const text = new TextEncoder().encode(moved?.sdp ?? sdp);
  const compressed = STRATEGIES.map((strategy) => deflateRaw(text, { level: 9, strategy, dictionary: SDP_DICTIONARY })).reduce(
    (shortest, next) => (next.length < shortest.length ? next : shortest),
  );
  return { compressed, fingerprint: moved?.fingerprint };
}

/** The SDP a fallback body carries, or undefined when it does not inflate or restore. */
export function fallbackSdp({ compressed, fingerprint }: FallbackPayload): string | undefined {
  const sdp = inflateSdp(compressed);
  return sdp === undefined || fingerprint === undefined ? sdp : restoreFingerprint(sdp, fingerprint);
}

/**
 * Inflates to text, or undefined for a corrupt stream, invalid UTF-8, or output beyond
 * MAX_SDP_CHARS (checked as it grows, so a small blob cannot make us allocate megabytes).
 */
function inflateSdp(payload: Uint8Array): string | undefined {
  try {
    const inflator = new Inflate({ raw: true, dictionary: SDP_DICTIONARY, chunkSize: 16 * 1024 });
    const chunks: Uint8Array[] = [];
    let total = 0;
    inflator.onData = (chunk) => {
      chunks.push(chunk);
      total += chunk.length;
    };
    inflator.onEnd = () => {};
    for (let i = 0; i < payload.length && !inflator.ended && total <= MAX_SDP_CHARS; i += INFLATE_SLICE_BYTES) {
      inflator.push(payload.subarray(i, i + INFLATE_SLICE_BYTES), i + INFLATE_SLICE_BYTES >= payload.length);
    }
    if (!inflator.ended || inflator.err !== 0 || total > MAX_SDP_CHARS) return undefined;
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // pako reports most corrupt streams through `err`, but some inputs make it throw.
    return undefined;
  }
}
