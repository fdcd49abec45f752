import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactCodec } from '../../../src/core/signal/compact-codec.ts';
import { iceUfrag, isIntactBlob, lazyCodec } from '../../../src/core/signal/index.ts';
import { sdpCorpus } from './sdp-corpus.ts';

const corpus = sdpCorpus();
const root = resolve(import.meta.dirname, '../../..');

function offerUfragFor(sample: (typeof corpus)[number]): string | undefined {
  const offer = sample.kind === 'answer' ? corpus.find((other) => other.file === sample.pairedWith) : undefined;
  return offer && iceUfrag(offer.sdp);
}

describe('lazyCodec makes and reads the same blobs as compactCodec', () => {
  it.each(corpus.map((sample) => [sample.file, sample] as const))('%s', async (_, sample) => {
    const description = { kind: sample.kind, sdp: sample.sdp };
    const options = { offerUfrag: offerUfragFor(sample) };
    const text = await lazyCodec.encode(description, options);
    expect(text).toBe(compactCodec.encode(description, options));
    expect(await lazyCodec.decode(text)).toEqual(compactCodec.decode(text));
    const fallback = compactCodec.encode(description, { ...options, forceFallback: true });
    expect(await lazyCodec.decode(fallback)).toEqual(compactCodec.decode(fallback));
  });

  it('explains unusable text the same way', async () => {
    const blob = compactCodec.encode({ kind: 'offer', sdp: corpus[0]!.sdp });
    for (const text of ['', 'Here is my code!', blob.slice(0, 40), blob.slice(0, -3) + (blob.endsWith('AAA') ? 'BBB' : 'AAA')]) {
      expect(await lazyCodec.decode(text), text).toEqual(compactCodec.decode(text));
      expect((await lazyCodec.decode(text)).ok).toBe(false);
    }
  });
});

describe('isIntactBlob tells our codes from other QR codes without inflating', () => {
  const av = corpus.find((sample) => !sample.dataOnly)!;
  const blobs = [compactCodec.encode({ kind: 'offer', sdp: corpus[0]!.sdp }), compactCodec.encode({ kind: av.kind, sdp: av.sdp })];

  it.each(blobs.map((blob) => [blob.slice(0, 12), blob] as const))('%s… is one, in a link too', (_, blob) => {
    expect(isIntactBlob(blob)).toBe(true);
    expect(isIntactBlob(`https://example.github.io/p2p-direct/#${blob}`)).toBe(true);
    expect(isIntactBlob(blob.slice(0, -1))).toBe(false);
    expect(isIntactBlob(blob.slice(0, 10) + (blob[10] === '0' ? '1' : '0') + blob.slice(11))).toBe(false);
  });

  it('a menu link is not one', () => {
    expect(isIntactBlob('https://example.org/menu')).toBe(false);
  });
});

/**
 * The page's static import graph: src/main.ts and every module it imports without import().
 * Type-only imports are erased, so they do not count.
 */
function staticGraph(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (modules.has(file)) return;
    modules.add(file);
    const source = readFileSync(resolve(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const [, specifier] of source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      if (!specifier!.startsWith('.')) packages.add(specifier!);
      else if (specifier!.endsWith('.ts')) visit(relative(root, resolve(root, dirname(file), specifier!)));
    }
  };
  visit(entry);
  return { modules, packages };
}

describe("the page's entry chunk", () => {
  const { modules, packages } = staticGraph('src/main.ts');

  it('reaches the codec and the session (the walk follows imports)', () => {
    expect(modules).toContain('src/core/signal/lazy-codec.ts');
    expect(modules).toContain('src/core/session/peer-session.ts');
    expect(packages).toContain('lit');
  });

  it('carries no QR encoder: the QR code element loads it with the first code', () => {
    expect(packages).not.toContain('qrcode');
    expect(modules).not.toContain('src/core/qr/qr-matrix.ts');
  });

  it('carries neither the fallback compressor nor its dictionary: lazyCodec loads them when needed', () => {
    expect(packages).not.toContain('pako');
    expect(modules).not.toContain('src/core/signal/internal/fallback-compression.ts');
    expect(modules).not.toContain('src/core/signal/internal/sdp-dictionary.ts');
    expect(modules).not.toContain('src/core/signal/compact-codec.ts');
  });
});
