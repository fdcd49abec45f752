import { describe, expect, it } from 'vitest';
import { crc16 } from '../../../src/core/signal/internal/crc16.ts';

/**
 * What flipping bit i of an n-byte message does to its CRC (CRCs are linear: the change does not
 * depend on the message). An error is undetected when the message bits' changes XOR to the change
 * of the CRC bits it hits.
 */
function singleBitChanges(length: number): Uint16Array {
  const message = new Uint8Array(length);
  const base = crc16(message);
  const changes = new Uint16Array(length * 8);
  for (let bit = 0; bit < length * 8; bit++) {
    message[bit >> 3] ^= 0x80 >> (bit & 7);
    changes[bit] = crc16(message) ^ base;
    message[bit >> 3] ^= 0x80 >> (bit & 7);
  }
  return changes;
}

/** Number of set bits of every 16-bit value. */
const WEIGHT = Uint8Array.from({ length: 65536 }, (_, value) => value.toString(2).replace(/0/g, '').length);

describe('crc16', () => {
  it('is the specified CRC: check value of "123456789" is 0x375D', () => {
    expect(crc16(new TextEncoder().encode('123456789'))).toBe(0x375d);
    expect(crc16(new Uint8Array(0))).toBe(0xffff);
  });

  it('detects every error of 1, 2 or 3 bits in a message of up to 998 bytes (Hamming distance 4)', () => {
    // Checking the longest message covers the shorter ones: an error's effect depends only on its
    // distance from the end. Message bits i, j, k and CRC bits T: undetected iff d(i)^d(j)^d(k) = T.
    const changes = singleBitChanges(998);
    const bitWith = new Int32Array(65536).fill(-1);
    changes.forEach((change, bit) => (bitWith[change] = bit));
    let undetected = 0;
    for (let i = 0; i < changes.length; i++) {
      if (WEIGHT[changes[i]!]! <= 2) undetected++; // 1 message bit + up to 2 CRC bits
      for (let j = i + 1; j < changes.length; j++) {
        const pair = changes[i]! ^ changes[j]!;
        if (WEIGHT[pair]! <= 1) undetected++; // 2 message bits + up to 1 CRC bit
        if (bitWith[pair]! >= 0) undetected++; // 3 message bits (k ≠ i, j since pair ≠ d(i), d(j))
      }
    }
    expect(new Set(changes).size).toBe(changes.length);
    expect(undetected).toBe(0);
  });

  it('loses that at 999 bytes (the polynomial has period 8002): a message bit and a CRC bit can cancel', () => {
    expect(singleBitChanges(999).some((change) => WEIGHT[change] === 1)).toBe(true);
  });
});
