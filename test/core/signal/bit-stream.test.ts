import { describe, expect, it } from 'vitest';
import { BitReader } from '../../../src/core/signal/internal/bit-reader.ts';
import { BitWriter } from '../../../src/core/signal/internal/bit-writer.ts';

describe('BitWriter', () => {
  it('packs fields most-significant bit first with no gaps, zero-padding the last byte', () => {
    const writer = new BitWriter();
    writer.write(0b101, 3);
    writer.write(0b11110000, 8);
    writer.write(1, 1);
    expect(writer.bitLength).toBe(12);
    expect([...writer.toBytes()]).toEqual([0b10111110, 0b00010000]);
  });

  it('writes 32-bit values and whole bytes at any bit offset', () => {
    const writer = new BitWriter();
    writer.write(1, 1);
    writer.write(0xdeadbeef, 32);
    writer.writeBytes(Uint8Array.of(0xff));
    writer.alignToByte();
    expect(writer.bitLength).toBe(48);
    expect([...writer.toBytes()]).toEqual([0xef, 0x56, 0xdf, 0x77, 0xff, 0x80]);
  });

  it('refuses values that do not fit, so an encoder bug cannot corrupt a blob silently', () => {
    const writer = new BitWriter();
    expect(() => writer.write(4, 2)).toThrow(RangeError);
    expect(() => writer.write(-1, 8)).toThrow(RangeError);
    expect(() => writer.write(0, 33)).toThrow(RangeError);
  });
});

describe('BitReader', () => {
  it('reads back what BitWriter wrote', () => {
    const fields: [number, number][] = [[3, 2], [0, 1], [122, 7], [0xffffffff, 32], [9, 4], [65535, 16], [1, 1]];
    const writer = new BitWriter();
    for (const [value, bits] of fields) writer.write(value, bits);
    const reader = new BitReader(writer.toBytes());
    for (const [value, bits] of fields) expect(reader.read(bits)).toBe(value);
    expect(reader.bitPosition).toBe(63);
    expect(reader.overrun).toBe(false);
  });

  it('yields zeros past the end and reports the overrun instead of throwing', () => {
    const reader = new BitReader(Uint8Array.of(0xff));
    expect(reader.read(4)).toBe(15);
    expect(reader.read(8)).toBe(0xf0);
    expect(reader.overrun).toBe(true);
    expect(reader.readBytes(2)).toEqual(new Uint8Array(2));
  });

  it('reports padding bits that are not zero when aligning', () => {
    const clean = new BitReader(Uint8Array.of(0b10000000));
    clean.read(1);
    expect(clean.alignToByte()).toBe(true);
    const dirty = new BitReader(Uint8Array.of(0b10000001));
    dirty.read(1);
    expect(dirty.alignToByte()).toBe(false);
    expect(dirty.bitPosition).toBe(8);
  });
});
