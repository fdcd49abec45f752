import { readFileSync } from 'node:fs';
import { deflateRaw } from 'pako';
import { describe, expect, it } from 'vitest';
import { offerTag, iceUfrag, MAX_SDP_CHARS } from '../../../src/core/signal/index.ts';
import { compactCodec } from '../../../src/core/signal/compact-codec.ts';
import { fallbackSdp } from '../../../src/core/signal/internal/fallback-compression.ts';
import { SDP_DICTIONARY } from '../../../src/core/signal/internal/sdp-dictionary.ts';
import { corpusSample } from './sdp-corpus.ts';

// The fallback form is plain raw DEFLATE with a preset dictionary (docs/blob-format.md §5), so a
// blob made by any DEFLATE encoder must decode, whichever one this page happens to use today.

interface StoredBlob {
  readonly sample: string;
  readonly kind: 'offer' | 'answer';
  readonly blob: string;
}
const stored = JSON.parse(readFileSync(new URL('../../fixtures/blobs/fallback-pako.json', import.meta.url), 'utf8')) as {
  blobs: StoredBlob[];
};

describe('fallback blobs made by the page of 2026-12-01 (pako)', () => {
  it('covers every sample of the corpus', () => {
    expect(stored.blobs.length).toBe(48);
  });

  it.each(stored.blobs.map((entry) => [entry.sample, entry] as const))('%s decodes to the captured SDP byte for byte', (file, entry) => {
    const sample = corpusSample(file);
    const offer = sample.kind === 'answer' ? corpusSample(sample.pairedWith) : undefined;
    const tag = offer ? offerTag(iceUfrag(offer.sdp)!) : undefined;
    const expected = tag === undefined ? { kind: entry.kind, sdp: sample.sdp } : { kind: entry.kind, sdp: sample.sdp, offerTag: tag };
    expect(compactCodec.decode(entry.blob)).toEqual({ ok: true, value: expected });
  });
});

describe('the fallback inflater reads any raw DEFLATE stream made with the dictionary', () => {
  const text = corpusSample('firefox153-offer-av-ip.sdp').sdp;
  const bytes = new TextEncoder().encode(text);

  it.each([
    ['stored blocks (level 0)', { level: 0 }],
    ['fast matching (level 1)', { level: 1 }],
    ['Huffman only', { level: 9, strategy: 2 }],
    ['run-length matches only', { level: 9, strategy: 3 }],
    ['fixed Huffman codes', { level: 9, strategy: 4 }],
    ['a small window', { level: 9, windowBits: 9 }],
  ] as const)('%s', (_, options) => {
    const compressed = deflateRaw(bytes, { ...options, dictionary: SDP_DICTIONARY });
    expect(fallbackSdp({ compressed, fingerprint: undefined })).toBe(text);
  });

  it('reads a stream made without the dictionary too (it only adds history to refer back to)', () => {
    expect(fallbackSdp({ compressed: deflateRaw(bytes, { level: 9 }), fingerprint: undefined })).toBe(text);
  });

  it('refuses a stream cut short', () => {
    const compressed = deflateRaw(bytes, { level: 9, dictionary: SDP_DICTIONARY });
    expect(fallbackSdp({ compressed: compressed.subarray(0, compressed.length - 1), fingerprint: undefined })).toBeUndefined();
  });

  it('stops a decompression bomb instead of inflating it', () => {
    const bomb = deflateRaw(new Uint8Array(16 * MAX_SDP_CHARS).fill(0x61), { level: 9, dictionary: SDP_DICTIONARY });
    expect(bomb.length).toBeLessThan(2000);
    expect(fallbackSdp({ compressed: bomb, fingerprint: undefined })).toBeUndefined();
    const justFits = deflateRaw(new Uint8Array(MAX_SDP_CHARS).fill(0x61), { level: 9, dictionary: SDP_DICTIONARY });
    expect(fallbackSdp({ compressed: justFits, fingerprint: undefined })).toHaveLength(MAX_SDP_CHARS);
  });

  it('refuses bytes that are not UTF-8', () => {
    const compressed = deflateRaw(new Uint8Array([0x61, 0xff, 0x62]), { dictionary: SDP_DICTIONARY });
    expect(fallbackSdp({ compressed, fingerprint: undefined })).toBeUndefined();
  });
});
