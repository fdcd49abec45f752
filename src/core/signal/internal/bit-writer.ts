/**
 * Appends unsigned fields most-significant bit first, with no alignment between fields: the
 * compact blob packs 6-bit ICE characters and 122-bit mDNS names back to back.
 */
export class BitWriter {
  private readonly bytes: number[] = [];
  private bits = 0;

  /** Number of bits written so far. */
  get bitLength(): number {
    return this.bits;
  }

  /** Writes the low `bitCount` bits of `value` (0 ≤ bitCount ≤ 32). */
  write(value: number, bitCount: number): void {
    if (!Number.isInteger(bitCount) || bitCount < 0 || bitCount > 32) throw new RangeError(`bitCount ${bitCount}`);
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** bitCount) {
      throw new RangeError(`${value} does not fit in ${bitCount} bits`);
    }
    for (let shift = bitCount - 1; shift >= 0; shift--) this.writeBit(Math.floor(value / 2 ** shift) % 2);
  }

  writeBytes(bytes: Uint8Array): void {
    for (const byte of bytes) this.write(byte, 8);
  }

  /** Pads with zero bits up to the next byte boundary. */
  alignToByte(): void {
    while (this.bits % 8 !== 0) this.writeBit(0);
  }

  /** The bits written so far, zero-padded to whole bytes. */
  toBytes(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }

  private writeBit(bit: number): void {
    if (this.bits % 8 === 0) this.bytes.push(0);
    if (bit) this.bytes[this.bytes.length - 1]! |= 0x80 >> this.bits % 8;
    this.bits++;
  }
}
