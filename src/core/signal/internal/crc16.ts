/**
 * The blob's checksum: a CRC-16 chosen for short messages. Generator x¹⁶+x¹⁴+x¹³+x¹²+x¹⁰+x⁸+x⁶+x⁴+x³+x+1
 * (0x755B; 0xBAAD in Koopman's notation, the polynomial of CRC-16/OPENSAFETY-B), most significant
 * bit first, initial value 0xFFFF (so that leading zero bytes count), no final XOR.
 *
 * Why this one (docs/blob-format.md §3, checked by test/core/signal/crc16.test.ts): every CRC-16
 * detects all bursts of up to 16 bits, hence every single changed base41 character. No CRC-16 can
 * detect every 4-bit error in messages of 46 bytes or more, so Hamming distance 4 (every 1-, 2- and
 * 3-bit error) is the best there is at our lengths; this polynomial keeps it up to 998 bytes and
 * lets fewer 4-bit errors through than the (x+1)-divisible ones such as CCITT's 0x1021.
 * CRC-16/T10-DIF (0x8BB7) has distance 3 from 45 bytes on.
 */
const POLYNOMIAL = 0x755b;
const TABLE = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n << 8;
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ POLYNOMIAL) & 0xffff : (c << 1) & 0xffff;
    table[n] = c;
  }
  return table;
}

export function crc16(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) crc = ((crc << 8) & 0xffff) ^ TABLE[(crc >> 8) ^ byte]!;
  return crc;
}
