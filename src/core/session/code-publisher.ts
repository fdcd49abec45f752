import { countCandidates } from '../signal/index.ts';
import { waitForGathering, type GatheringPolicy, type GatheringSource } from './ice-gathering.ts';
import type { SessionEvent } from './session-transition.ts';

/**
 * How long the first code waits after the first candidate for the others of the same pass: a
 * browser reports the host candidates of all its interfaces (and Firefox a TCP one beside the UDP
 * one) within a few milliseconds, and a code replaced before anyone could read it is only noise.
 */
export const FIRST_CODE_SETTLE_MS = 40;

/** What publishing needs of RTCPeerConnection: its gathering events and its growing local description. */
export interface CodeSource extends GatheringSource {
  readonly localDescription: { readonly sdp: string } | null;
}

export type FirstCode = Extract<SessionEvent, { type: 'gathered' | 'gathered-nothing' }>;

/**
 * Resolves with the first code as soon as the local description holds a candidate (plus the
 * settle time), then calls `improved` with each later version that differs, until the gathering
 * rule (waitForGathering) stops. Every version carries the same ICE credentials and fingerprint,
 * so an answer to any of them connects: later versions only add ways to reach this device, such
 * as a server-reflexive or relay address that arrives after the host ones. No candidate by the
 * end resolves 'gathered-nothing'. Rejects only when the first code cannot be encoded.
 */
export function publishCodes(
  source: CodeSource,
  policy: GatheringPolicy,
  encode: (sdp: string) => string,
  improved: (blob: string) => void,
): Promise<FirstCode> {
  return new Promise((resolve, reject) => {
    let shown: string | undefined;
    let settleTimer: ReturnType<typeof setTimeout> | undefined;
    const sdp = (): string => source.localDescription?.sdp ?? '';

    const showFirst = (): void => {
      clearTimeout(settleTimer);
      if (shown !== undefined) return;
      if (countCandidates(sdp()) === 0) return resolve({ type: 'gathered-nothing' });
      try {
        shown = encode(sdp());
        resolve({ type: 'gathered', blob: shown });
      } catch (error) {
        reject(error);
      }
    };

    const showImproved = (): void => {
      try {
        const blob = encode(sdp());
        if (blob === shown) return;
        shown = blob;
        improved(blob);
      } catch {
        // A version the codec cannot write adds nothing; the one shown still works.
      }
    };

    const handleCandidate = (): void => {
      if (shown !== undefined) showImproved();
      else if (settleTimer === undefined && countCandidates(sdp()) > 0) settleTimer = setTimeout(showFirst, FIRST_CODE_SETTLE_MS);
    };

    source.addEventListener('icecandidate', handleCandidate);
    void waitForGathering(source, policy).then(() => {
      source.removeEventListener('icecandidate', handleCandidate);
      // A candidate may have joined the description without an event we saw; the end reads it.
      if (shown === undefined) showFirst();
      else showImproved();
    });
  });
}
