import { err, ok, type Result } from '../../util/result.ts';

/**
 * QR alphanumeric characters that are also legal, unescaped, in a URL fragment, in QR order.
 * Left out of QR's 45: space and '%' (not fragment-safe), '*' (bold in WhatsApp, Slack, Telegram)
 * and ':' (':D', ':P', ':/' become emoji in several messengers). 41 is also the smallest base that
 * fits two bytes in three characters (41³ = 68921 ≥ 65536).
 */
export const BASE41_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$+-./';

/**
 * Digit value + 1 by UTF-16 code unit, lower-case a–z folded onto A–Z (0: not in the alphabet).
 * Only ASCII letters fold: String#toUpperCase would also turn 'ß' into 'SS' and 'ı' into 'I'.
 * A table read per code unit keeps decoding linear and allocation-free, whatever was pasted.
 */
const DIGIT_PLUS_ONE = buildLookup();

function buildLookup(): Uint8Array {
  const table = new Uint8Array(128);
  for (const [index, char] of [...BASE41_ALPHABET].entries()) {
    table[char.charCodeAt(0)] = index + 1;
    table[char.toLowerCase().charCodeAt(0)] = index + 1;
  }
  return table;
}

/** The digit at text[i], or -1 when that code unit is not in the alphabet (in either case). */
function digitAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return (code < 128 ? DIGIT_PLUS_ONE[code]! : 0) - 1;
}

type Base41Error = 'bad-character' | 'bad-length' | 'out-of-range';

/**
 * Every 2 bytes become 3 characters (big-endian value v = c0·41² + c1·41 + c2); a last odd byte
 * becomes 2 characters. 5.33 bits per character, stored by a QR code at 5.5 bits per character.
 */
export function toBase41(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += digits((bytes[i]! << 8) | bytes[i + 1]!, 3);
  if (bytes.length % 2 === 1) out += digits(bytes[bytes.length - 1]!, 2);
  return out;
}

/**
 * Strict inverse of toBase41, except that lower case is accepted (people type what they see on a
 * QR code's screen, and some keyboards start in lower case).
 */
export function fromBase41(text: string): Result<Uint8Array, Base41Error> {
  const { bytes, error } = decodeChunks(text);
  return error ? err(error) : ok(bytes);
}

/**
 * The bytes of the chunks before the first bad one (or a dangling character). A damaged blob is
 * still read this far to tell whether it was cut short or changed.
 */
export function fromBase41Prefix(text: string): Uint8Array {
  return decodeChunks(text).bytes;
}

/** Whether every character (in either case) belongs to the alphabet. */
export function isBase41Text(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (digitAt(text, i) < 0) return false;
  return true;
}

function decodeChunks(text: string): { bytes: Uint8Array; error?: Base41Error } {
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + 1);
  let length = 0;
  for (let i = 0; i < text.length; i += 3) {
    const width = Math.min(3, text.length - i);
    const value = valueOf(text, i, width);
    if (value === undefined) return { bytes: out.slice(0, length), error: 'bad-character' };
    if (width === 1) return { bytes: out.slice(0, length), error: 'bad-length' };
    if (value >= 256 ** (width - 1)) return { bytes: out.slice(0, length), error: 'out-of-range' };
    if (width === 3) out[length++] = value >> 8;
    out[length++] = value & 0xff;
  }
  return { bytes: out.slice(0, length) };
}

function digits(value: number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    out = BASE41_ALPHABET[value % 41]! + out;
    value = Math.floor(value / 41);
  }
  return out;
}

function valueOf(text: string, start: number, width: number): number | undefined {
  let value = 0;
  for (let i = start; i < start + width; i++) {
    const digit = digitAt(text, i);
    if (digit < 0) return undefined;
    value = value * 41 + digit;
  }
  return value;
}
