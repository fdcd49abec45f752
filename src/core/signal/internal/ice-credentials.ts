import type { BitReader } from './bit-reader.ts';
import type { BitWriter } from './bit-writer.ts';

/** RFC 8839 §5.4 ice-char, in base64 order so that each one is a 6-bit number. */
const ICE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX_CHARS = '0123456789abcdef';
const ICE_CHAR_PATTERN = /^[A-Za-z0-9+/]{1,256}$/;

/**
 * How ice-ufrag and ice-pwd are packed. Each stack's own shape needs no lengths:
 *   short:          4 + 24 ice-chars, 6 bits each (Chromium)
 *   hex:            8 + 32 lower-case hex digits, 4 bits each (Firefox)
 *   any:            8-bit (length − 1) for each, then 6-bit ice-chars
 *   libdatachannel: 4 + 22 ice-chars, 6 bits each
 * The form itself is written by the caller (compact-profile.ts): a named profile implies it.
 */
export const ICE_FORMS = ['short', 'hex', 'any', 'libdatachannel'] as const;
export type IceForm = (typeof ICE_FORMS)[number];

const FIXED_LENGTHS: Readonly<Record<Exclude<IceForm, 'any'>, readonly [ufrag: number, pwd: number]>> = {
  short: [4, 24],
  hex: [8, 32],
  libdatachannel: [4, 22],
};

export function isIceCredential(text: string): boolean {
  return ICE_CHAR_PATTERN.test(text);
}

export function iceFormOf(ufrag: string, pwd: string): IceForm {
  if (!isIceCredential(ufrag) || !isIceCredential(pwd)) throw new RangeError('not an ICE credential');
  const fits = ([ufragLength, pwdLength]: readonly [number, number]): boolean =>
    ufrag.length === ufragLength && pwd.length === pwdLength;
  if (fits(FIXED_LENGTHS.hex) && /^[0-9a-f]+$/.test(ufrag + pwd)) return 'hex';
  if (fits(FIXED_LENGTHS.short)) return 'short';
  if (fits(FIXED_LENGTHS.libdatachannel)) return 'libdatachannel';
  return 'any';
}

/** ice-ufrag's characters then ice-pwd's, in `form`, which must be iceFormOf(ufrag, pwd). */
export function writeIceCredentials(writer: BitWriter, form: IceForm, ufrag: string, pwd: string): void {
  if (form !== iceFormOf(ufrag, pwd)) throw new RangeError(`credentials are not of form ${form}`);
  if (form === 'any') {
    writer.write(ufrag.length - 1, 8);
    writer.write(pwd.length - 1, 8);
  }
  const [alphabet, bits] = form === 'hex' ? [HEX_CHARS, 4] : [ICE_CHARS, 6];
  for (const char of ufrag + pwd) writer.write(alphabet.indexOf(char), bits);
}

export function readIceCredentials(reader: BitReader, form: IceForm): { ufrag: string; pwd: string } {
  const [ufragLength, pwdLength] = form === 'any' ? [reader.read(8) + 1, reader.read(8) + 1] : FIXED_LENGTHS[form];
  const [alphabet, bits] = form === 'hex' ? [HEX_CHARS, 4] : [ICE_CHARS, 6];
  let text = '';
  for (let i = 0; i < ufragLength + pwdLength; i++) text += alphabet[reader.read(bits)];
  return { ufrag: text.slice(0, ufragLength), pwd: text.slice(ufragLength) };
}
