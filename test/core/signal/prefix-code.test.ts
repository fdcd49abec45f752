import { describe, expect, it } from 'vitest';
import { BitReader } from '../../../src/core/signal/internal/bit-reader.ts';
import { BitWriter } from '../../../src/core/signal/internal/bit-writer.ts';
import { PrefixCode } from '../../../src/core/signal/internal/prefix-code.ts';

describe('PrefixCode', () => {
  const code = new PrefixCode([
    ['0', 'a'],
    ['10', 'b'],
    ['11', 'c'],
  ]);

  it('writes each symbol as its bits and reads them back', () => {
    const writer = new BitWriter();
    for (const symbol of ['c', 'a', 'b', 'a']) code.write(writer, symbol);
    expect(writer.bitLength).toBe(6);
    const reader = new BitReader(writer.toBytes());
    expect(['c', 'a', 'b', 'a'].map(() => code.read(reader))).toEqual(['c', 'a', 'b', 'a']);
  });

  it('refuses codes where one is a prefix of another, and symbols it has no code for', () => {
    expect(() => new PrefixCode([['0', 'a'], ['01', 'b']])).toThrow();
    expect(() => code.write(new BitWriter(), 'd')).toThrow(RangeError);
  });

  it('reads undefined for bits an incomplete code does not use', () => {
    const incomplete = new PrefixCode([['0', 'a'], ['10', 'b']]);
    expect(incomplete.read(new BitReader(Uint8Array.of(0b11000000)))).toBeUndefined();
  });
});
