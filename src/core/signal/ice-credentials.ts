import type { BitReader } from './bit-reader.ts';
import type { BitWriter } from './bit-writer.ts';

/** RFC 8839 §5.4 ice-char, in base64 order so that each one is a 6-bit number. */
const ICE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX_CHARS = '0123456789abcdef';
const ICE_CHAR_PATTERN = /^[A-Za-z0-9+/]{1,256}$/;

/**
 * How ice-ufrag and ice-pwd are packed (2 bits). Each browser's own shape needs no lengths:
 *   0 short: 4 + 24 ice-chars, 6 bits each (Chromium)
 *   1 hex:   8 + 32 lower-case hex digits, 4 bits each (Firefox)
 *   2 any:   8-bit (length − 1) for each, then 6-bit ice-chars
 */
export const ICE_FORM = { short: 0, hex: 1, any: 2 } as const;

export function isIceCredential(text: string): boolean {
  return ICE_CHAR_PATTERN.test(text);
}

export function writeIceCredentials(writer: BitWriter, ufrag: string, pwd: string): void {
  const form = formOf(ufrag, pwd);
  writer.write(form, 2);
  if (form === ICE_FORM.any) {
    writer.write(ufrag.length - 1, 8);
    writer.write(pwd.length - 1, 8);
  }
  const [alphabet, bits] = form === ICE_FORM.hex ? [HEX_CHARS, 4] : [ICE_CHARS, 6];
  for (const char of ufrag + pwd) writer.write(alphabet.indexOf(char), bits);
}

/** Undefined for the reserved form 3. */
export function readIceCredentials(reader: BitReader): { ufrag: string; pwd: string } | undefined {
  const form = reader.read(2);
  if (form > ICE_FORM.any) return undefined;
  const [ufragLength, pwdLength] =
    form === ICE_FORM.short ? [4, 24] : form === ICE_FORM.hex ? [8, 32] : [reader.read(8) + 1, reader.read(8) + 1];
  const [alphabet, bits] = form === ICE_FORM.hex ? [HEX_CHARS, 4] : [ICE_CHARS, 6];
  let text = '';
  for (let i = 0; i < ufragLength + pwdLength; i++) text += alphabet[reader.read(bits)];
  return { ufrag: text.slice(0, ufragLength), pwd: text.slice(ufragLength) };
}

function formOf(ufrag: string, pwd: string): number {
  if (!isIceCredential(ufrag) || !isIceCredential(pwd)) throw new RangeError('not an ICE credential');
  const hex = /^[0-9a-f]+$/;
  if (ufrag.length === 8 && pwd.length === 32 && hex.test(ufrag) && hex.test(pwd)) return ICE_FORM.hex;
  if (ufrag.length === 4 && pwd.length === 24) return ICE_FORM.short;
  return ICE_FORM.any;
}
