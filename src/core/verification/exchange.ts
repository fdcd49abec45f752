/**
 * What the verification loads once a link opens: the commit–reveal and the code's derivation,
 * with their hashing (HKDF, HMAC) and the parser of its messages, so the first screen does not carry them.
 */
export { CommitReveal } from './commit-reveal.ts';
export { verificationCode } from './verification-code.ts';
export { parseVerificationMessage } from './verification-messages.ts';
