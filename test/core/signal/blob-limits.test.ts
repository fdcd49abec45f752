import { describe, expect, it } from 'vitest';
import { compactCodec } from '../../../src/core/signal/compact-codec.ts';
import { base41Length, MAX_BLOB_BYTES, MAX_BLOB_CHARS, MAX_INPUT_CHARS } from '../../../src/core/signal/blob-limits.ts';
import { isIntactBlob, lazyCodec } from '../../../src/core/signal/index.ts';
import { toBase41 } from '../../../src/core/signal/internal/base41.ts';
import { writeBlob } from '../../../src/core/signal/internal/blob-frame.ts';
import type { DataCandidate } from '../../../src/core/signal/internal/data-description.ts';
import { moveFingerprint } from '../../../src/core/signal/internal/fallback-fingerprint.ts';
import { corpusSample } from './sdp-corpus.ts';

const EMPTY_STORED_BLOCK = [0x00, 0x00, 0x00, 0xff, 0xff];

/**
 * The longest blob the format allows, and valid: a tagged answer in the fallback form with its
 * fingerprint moved, whose compressed text is 65535 bytes of deflate (empty stored blocks, then
 * the SDP in a final stored block). No encoder writes this, but any decoder must accept it.
 */
function longestValidBlob(): { text: string; sdp: string } {
  const original = corpusSample('chromium156-answer-av-ip.sdp').sdp;
  const moved = moveFingerprint(original)!;
  let sdp = moved.sdp;
  // Pad the SDP's end with spaces (still a valid SDP) until the stored blocks fill 65535 bytes exactly.
  while ((0xffff - 5 - sdp.length) % 5 !== 0) sdp += ' ';
  const data = new TextEncoder().encode(sdp);
  const compressed = new Uint8Array(0xffff);
  const filler = (0xffff - 5 - data.length) / 5;
  for (let i = 0; i < filler; i++) compressed.set(EMPTY_STORED_BLOCK, 5 * i);
  const final = 5 * filler;
  compressed.set([0x01, data.length & 0xff, data.length >> 8, ~data.length & 0xff, (~data.length >> 8) & 0xff], final);
  compressed.set(data, final + 5);
  const bytes = writeBlob({ kind: 'answer', offerTag: 0xa5, body: { mode: 'fallback', payload: { compressed, fingerprint: moved.fingerprint } } });
  expect(bytes.length).toBe(MAX_BLOB_BYTES);
  return { text: toBase41(bytes), sdp: original.replace(/\r?\n/g, '\r\n') + ' '.repeat(sdp.length - moved.sdp.length) };
}

/** A compact answer as large as the compact form gets: 15 general-descriptor IPv6 candidates with explicit related endpoints, 256-character credentials. */
function largestCompactBlob(): string {
  const ipv6 = (n: number) => ({ kind: 'ipv6' as const, bytes: Uint8Array.from({ length: 16 }, (_, i) => (n * 37 + i * 11) & 0xff) });
  const candidates: DataCandidate[] = Array.from({ length: 15 }, (_, n) => ({
    type: 'prflx',
    transport: 'tcp-so',
    address: ipv6(n),
    port: 40_000 + n,
    related: { address: ipv6(100 + n), port: 50_000 + n },
  }));
  const bytes = writeBlob({
    kind: 'answer',
    offerTag: 0x5a,
    body: {
      mode: 'compact',
      description: {
        kind: 'answer',
        setup: 'passive',
        iceUfrag: 'u'.repeat(256),
        icePwd: 'p'.repeat(256),
        fingerprint: new Uint8Array(32).fill(7),
        candidates,
        endOfCandidates: true,
        iceOptions: 'ice2 trickle',
        maxMessageSize: 123_456,
      },
    },
  });
  return toBase41(bytes);
}

describe('the longest blob, derived from the format', () => {
  it('is 65,573 bytes, 98,360 characters; input is read up to 204,912 characters', () => {
    expect(MAX_BLOB_BYTES).toBe(65_573);
    expect(MAX_BLOB_CHARS).toBe(98_360);
    expect(MAX_INPUT_CHARS).toBe(204_912);
    expect([1, 2, 3, 4, 5].map(base41Length)).toEqual([2, 3, 5, 6, 8]);
  });

  it('the longest valid blob decodes, also as a line-wrapped link, and is exactly that long', async () => {
    const { text, sdp } = longestValidBlob();
    expect(text.length).toBe(MAX_BLOB_CHARS);
    const decoded = compactCodec.decode(text);
    expect(decoded.ok && decoded.value.sdp).toBe(sdp);
    expect(await lazyCodec.decode(text)).toEqual(decoded);
    // A link, with a line break after every character: still under the input limit, still read.
    const wrapped = `https://example.org/some/path/#${text.replace(/./g, '$&\n')}`;
    expect(wrapped.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect(compactCodec.decode(wrapped)).toEqual(decoded);
  });

  it('the compact form stays far below the fallback form', () => {
    const compact = largestCompactBlob();
    expect(isIntactBlob(compact)).toBe(true);
    expect(compact.length).toBeLessThan(MAX_BLOB_CHARS / 50);
  });

  it('a blob one group longer, or input past the limit, is refused as too long before it is read', async () => {
    const { text } = longestValidBlob();
    expect(compactCodec.decode(`${text}000`)).toEqual({ ok: false, error: { code: 'too-long' } });
    expect(compactCodec.decode(' '.repeat(MAX_INPUT_CHARS + 1))).toEqual({ ok: false, error: { code: 'too-long' } });
    expect(compactCodec.decode(' '.repeat(MAX_INPUT_CHARS))).toEqual({ ok: false, error: { code: 'empty' } });
    expect(await lazyCodec.decode(`#${'A'.repeat(MAX_BLOB_CHARS + 1)}`)).toEqual({ ok: false, error: { code: 'too-long' } });
    expect(isIntactBlob(`${text}\n`.repeat(3))).toBe(false);
  });
});

describe('a 10 MB paste', () => {
  const TEN_MB = 10 * 1024 * 1024;
  const inputs = {
    'base41 text': '7'.repeat(TEN_MB),
    'lower case': 'a'.repeat(TEN_MB),
    'a link': `https://example.org/#${'Q'.repeat(TEN_MB)}`,
    'whitespace and quotes': ` \n"'`.repeat(TEN_MB / 4),
  };

  // The bound is 10 ms. The check is one comparison of a length, so the bound is generous
  // (a run takes microseconds); the median of five runs is compared, so that one pause of a busy
  // machine cannot fail it while decoding the text (seconds before the limit) always would.
  it.each(Object.entries(inputs))('%s is refused as too long in under 10 ms, by both codecs', async (_, text) => {
    const timings: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const sync = compactCodec.decode(text);
      const lazy = await lazyCodec.decode(text);
      timings.push(performance.now() - started);
      expect(sync).toEqual({ ok: false, error: { code: 'too-long' } });
      expect(lazy).toEqual(sync);
    }
    expect(timings.sort((a, b) => a - b)[2]).toBeLessThan(10);
  });
});
