/**
 * What the verification loads once a link opens: the commit–reveal, the code's derivation with
 * its hashing (HKDF, HMAC) and the parser of its messages, so the first screen does not carry them.
 */
export { LinkVerification } from './link-verification.ts';
