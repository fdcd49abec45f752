import { crc32 } from './internal/crc32.ts';
import type { SignalDescription } from './signal-codec.ts';

/**
 * 8 bits that link an answer to the offer it answers: the top byte of the CRC-32 of the offer's
 * ice-ufrag. An answer to a stale or someone else's offer would otherwise be applied and fail
 * only after ICE times out; with the tag the offerer can say so at once. A random mismatch slips
 * through 1 time in 256, which then fails as before. Costs 9 bits (a flag and the tag) per answer.
 */
export function offerTag(offerUfrag: string): number {
  return crc32(new TextEncoder().encode(offerUfrag)) >>> 24;
}

/**
 * False only when `description` is an answer whose tag shows it answers an offer other than the
 * one with `offerUfrag`; untagged answers (from codecs without tags) are given the benefit of doubt.
 */
export function answersOffer(description: SignalDescription, offerUfrag: string | undefined): boolean {
  if (description.kind !== 'answer' || description.offerTag === undefined || offerUfrag === undefined) return true;
  return description.offerTag === offerTag(offerUfrag);
}
