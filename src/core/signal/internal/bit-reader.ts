/**
 * Reads what BitWriter wrote. Reading past the end never throws: it yields zero bits and sets
 * `overrun`, so a parser runs to its end on damaged input and the caller checks one flag
 * (a truncated blob is told apart from a damaged one that way).
 */
export class BitReader {
  private position = 0;
  private overrunFlag = false;

  constructor(private readonly bytes: Uint8Array) {}

  /** Bits consumed so far (including any read past the end). */
  get bitPosition(): number {
    return this.position;
  }

  /** True once any read went past the last byte. */
  get overrun(): boolean {
    return this.overrunFlag;
  }

  /** Reads `bitCount` bits (0 ≤ bitCount ≤ 32) as an unsigned number. */
  read(bitCount: number): number {
    let value = 0;
    for (let i = 0; i < bitCount; i++) value = value * 2 + this.readBit();
    return value;
  }

  readBytes(count: number): Uint8Array {
    const start = this.position >> 3;
    // On a byte boundary (a fallback body's compressed text) the bytes are copied, not read bit by bit.
    if ((this.position & 7) === 0 && start + count <= this.bytes.length) {
      this.position += count * 8;
      return this.bytes.slice(start, start + count);
    }
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) out[i] = this.read(8);
    return out;
  }

  /** Skips to the next byte boundary; returns false if a skipped padding bit was not zero. */
  alignToByte(): boolean {
    let clean = true;
    while (this.position % 8 !== 0) if (this.readBit() !== 0) clean = false;
    return clean;
  }

  private readBit(): number {
    const byte = this.bytes[this.position >> 3];
    this.position++;
    if (byte === undefined) {
      this.overrunFlag = true;
      return 0;
    }
    return (byte >> (7 - ((this.position - 1) & 7))) & 1;
  }
}
