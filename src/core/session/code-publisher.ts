import { countCandidates } from '../signal/index.ts';
import { waitForGathering, type GatheringPolicy, type GatheringSource } from './ice-gathering.ts';
import { relayField, RelayWatch } from './relay-watch.ts';
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

export type CodeEvent = Extract<SessionEvent, { type: 'gathered' | 'gathered-nothing' | 'code-improved' }>;

/**
 * Publishes this device's code as its local description grows: 'gathered' as soon as the
 * description holds a candidate (plus the settle time), then 'code-improved' for each later
 * version that differs, until the gathering rule (waitForGathering) stops; 'gathered-nothing'
 * when no candidate came by then. Every version carries the same ICE credentials and
 * fingerprint, so an answer to any of them connects: later ones only add ways to reach this
 * device, such as a server-reflexive or relay address that arrives after the host ones.
 *
 * When a TURN server is configured, the first code also waits for its relay address or its
 * refusal (~0.1 s), or else for the end of gathering, so that a code never looks ready while the
 * relay the user set up is missing: each event carries the relay's problem (RelayWatch), if any.
 *
 * Encoding may wait (a codec can load its compressor first), so versions are encoded one after
 * another and published in the order the description grew, the first before any improvement.
 * Resolves once the first code (or nothing) is published; rejects when it cannot be encoded.
 */
export function publishCodes(
  source: CodeSource,
  policy: GatheringPolicy,
  encode: (sdp: string) => string | Promise<string>,
  publish: (event: CodeEvent) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // First, so that every listener below sees the relay's state with the event's news in it.
    const relay = new RelayWatch(source, policy);
    let shown: string | undefined;
    let firstQueued = false;
    let settleTimer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    let queue = Promise.resolve();
    const sdp = (): string => source.localDescription?.sdp ?? '';
    const enqueue = (step: () => Promise<void>): void => {
      queue = queue.then(step);
    };

    const showFirst = async (): Promise<void> => {
      if (countCandidates(sdp()) === 0) {
        // Without Relay only, the missing relay is not why there is nothing: the hidden host addresses are.
        publish({ type: 'gathered-nothing', ...relayField(policy.relayOnly ? relay.problem() : undefined) });
        return resolve();
      }
      try {
        shown = await encode(sdp());
      } catch (error) {
        return reject(error);
      }
      publish({ type: 'gathered', blob: shown, ...relayField(relay.problem()) });
      resolve();
    };

    const showImproved = async (): Promise<void> => {
      if (shown === undefined) return; // the first code failed; nothing builds on it
      try {
        const blob = await encode(sdp());
        if (blob === shown) return;
        shown = blob;
        publish({ type: 'code-improved', blob, ...relayField(relay.problem()) });
      } catch {
        // A version the codec cannot write adds nothing; the one shown still works.
      }
    };

    const queueFirst = (): void => {
      clearTimeout(settleTimer);
      if (firstQueued) return;
      firstQueued = true;
      enqueue(showFirst);
    };

    const queueFirstUnlessRelayPending = (): void => {
      if (settled && !relay.pending) queueFirst();
    };

    const handleCandidate = (): void => {
      if (firstQueued) enqueue(showImproved);
      else if (settleTimer === undefined && countCandidates(sdp()) > 0) {
        settleTimer = setTimeout(() => {
          settled = true;
          queueFirstUnlessRelayPending();
        }, FIRST_CODE_SETTLE_MS);
      } else queueFirstUnlessRelayPending();
    };

    source.addEventListener('icecandidate', handleCandidate);
    source.addEventListener('icecandidateerror', queueFirstUnlessRelayPending);
    void waitForGathering(source, policy, relay).then(() => {
      source.removeEventListener('icecandidate', handleCandidate);
      source.removeEventListener('icecandidateerror', queueFirstUnlessRelayPending);
      relay.stop();
      // A candidate may have joined the description without an event we saw; the end reads it.
      if (firstQueued) enqueue(showImproved);
      else queueFirst();
    });
  });
}
