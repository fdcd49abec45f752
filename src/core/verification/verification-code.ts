import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';

const CODE_DIGITS = 6;
const INFO = new TextEncoder().encode('p2p-direct verification code v1');

/** What both sides hold once the exchange is done; `offerer`/`answerer` are the link's roles. */
export interface CodeInputs {
  readonly offererNonce: Uint8Array;
  readonly answererNonce: Uint8Array;
  /** The DTLS fingerprints as the applied descriptions name them (`sha-256 AB:CD:…`). */
  readonly offererFingerprint: string;
  readonly answererFingerprint: string;
}

export function commitmentTo(nonce: Uint8Array): Uint8Array {
  return sha256(nonce);
}

/**
 * Six digits from both nonces, keyed to both certificates. A man in the middle holds two links
 * with four different fingerprints; to show both ends one code he would have to choose a nonce
 * after seeing the other's, which the commit–reveal order never lets either role do.
 */
export function verificationCode(inputs: CodeInputs): string {
  const ikm = new Uint8Array([...inputs.offererNonce, ...inputs.answererNonce]);
  const salt = new TextEncoder().encode(`${inputs.offererFingerprint}\n${inputs.answererFingerprint}`);
  const bytes = hkdf(sha256, ikm, salt, INFO, 8);
  // 64 bits reduced to 10^6 values: the bias (10^6 / 2^64) is far below anything observable.
  const value = bytes.reduce((sum, byte) => (sum << 8n) | BigInt(byte), 0n) % 10n ** BigInt(CODE_DIGITS);
  return value.toString().padStart(CODE_DIGITS, '0');
}
