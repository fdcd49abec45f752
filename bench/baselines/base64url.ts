import { err, ok, type Result } from '../../src/core/util/result.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Map([...ALPHABET].map((char, index) => [char, index]));

/** RFC 4648 §5 base64url without padding: safe in URLs, fragments and chat apps. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const triple = (b0 << 16) | (b1 << 8) | b2;
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET[(triple >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** Inverse of toBase64Url: any foreign character or impossible length is an error. */
export function fromBase64Url(text: string): Result<Uint8Array, 'bad-character' | 'bad-length'> {
  if (text.length % 4 === 1) return err('bad-length');
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    const value = LOOKUP.get(char);
    if (value === undefined) return err('bad-character');
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  return ok(out);
}

/**
 * True when the last character's unused low bits are zero, as toBase64Url writes them. A decoder
 * that checks this notices a change to the last character, which the bytes alone cannot show.
 */
export function hasCanonicalTail(text: string): boolean {
  const unusedBits = (text.length * 6) % 8;
  const last = LOOKUP.get(text.at(-1) ?? 'A') ?? 0;
  return (last & ((1 << unusedBits) - 1)) === 0;
}
