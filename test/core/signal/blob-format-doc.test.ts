import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactCodec } from '../../../src/core/signal/compact-codec.ts';
import { SDP_DICTIONARY } from '../../../src/core/signal/internal/sdp-dictionary.ts';
import { corpusSample } from './sdp-corpus.ts';

/** docs/blob-format.md is the interoperability spec: its literal blocks must match the code. */
const doc = readFileSync(new URL('../../../docs/blob-format.md', import.meta.url), 'utf8');

function block(marker: string): string {
  const match = new RegExp(`<!-- ${marker} -->\\n\`\`\`text\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!match) throw new Error(`no block ${marker} in docs/blob-format.md`);
  return match[1]!;
}

const crlf = (text: string): string => text.replace(/\n/g, '\r\n');

describe('docs/blob-format.md', () => {
  it('prints the fallback dictionary byte for byte (Appendix A)', () => {
    expect(new TextEncoder().encode(crlf(block('dictionary')))).toEqual(SDP_DICTIONARY);
  });

  it('has test vector 1: a compact Chromium offer and its rebuilt SDP', () => {
    const { sdp } = corpusSample('chromium156-offer-data-mdns-srflx.sdp');
    const blob = block('vector-1-blob').trim();
    expect(compactCodec.encode({ kind: 'offer', sdp })).toBe(blob);
    expect(compactCodec.decode(blob)).toEqual({ ok: true, value: { kind: 'offer', sdp: crlf(block('vector-1-sdp')) } });
  });

  it('has test vector 2: a compact Firefox answer tagged with its offer', () => {
    const { sdp } = corpusSample('firefox153-answer-data-mdns-srflx.sdp');
    const blob = block('vector-2-blob').trim();
    expect(compactCodec.encode({ kind: 'answer', sdp }, { offerUfrag: '4c6dfb70' })).toBe(blob);
    expect(compactCodec.decode(blob)).toEqual({
      ok: true,
      value: { kind: 'answer', sdp: crlf(block('vector-2-sdp')), offerTag: 0x83 },
    });
  });
});
