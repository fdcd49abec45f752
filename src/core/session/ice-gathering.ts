import { hasTurnServer } from '../settings/ice-urls.ts';
import type { Settings } from '../settings/settings.ts';
import type { RelayExpectation, RelayWatch } from './relay-watch.ts';

type GatheringEventType = 'icecandidate' | 'icecandidateerror' | 'icegatheringstatechange';

/** The part of RTCPeerConnection that gathering needs; lets Node tests drive it with a fake. */
export interface GatheringSource {
  readonly iceGatheringState: RTCIceGatheringState;
  addEventListener(type: GatheringEventType, listener: (event: Event) => void): void;
  removeEventListener(type: GatheringEventType, listener: (event: Event) => void): void;
}

/**
 * When to stop waiting for candidates. Non-trickle signaling sends one blob, so we must decide
 * when "enough" candidates are in. Browsers only report completion once every ICE server has
 * answered or timed out: ~40 s in Chromium and ~11 s in Firefox when a STUN server is black-holed,
 * which on an offline LAN would make the page look frozen.
 */
export interface GatheringPolicy extends RelayExpectation {
  /** Hard upper bound on the wait, whatever happens. */
  readonly capMs: number;
  /** Stop once this long has passed without a new candidate (see waitForGathering). */
  readonly quietMs: number;
  /** ICE servers are configured, so a server-reflexive or relay candidate may still come. */
  readonly expectServerCandidates: boolean;
}

export const DEFAULT_GATHERING: Pick<GatheringPolicy, 'capMs' | 'quietMs'> = {
  capMs: 1500,
  quietMs: 300,
};

export type GatheringEnd = 'complete' | 'quiet' | 'cap';

export interface GatheringOutcome {
  readonly end: GatheringEnd;
  readonly candidates: number;
  readonly elapsedMs: number;
}

/**
 * Resolves at the first of:
 * - the browser reports gathering complete;
 * - quietMs after the latest candidate, provided at least one candidate arrived and, when ICE
 *   servers are configured, a server candidate (srflx/relay) is among them — otherwise a
 *   reachable STUN server that answers in 200 ms would lose to a fast host candidate; when a
 *   TURN server is configured (`relay`), also its relay candidate or its refusal;
 * - capMs after the start.
 */
export function waitForGathering(source: GatheringSource, policy: GatheringPolicy, relay?: RelayWatch): Promise<GatheringOutcome> {
  const startedAt = Date.now();
  return new Promise((resolve) => {
    let candidates = 0;
    let serverCandidateSeen = false;
    let quietTimer: ReturnType<typeof setTimeout> | undefined;

    const finish = (end: GatheringEnd): void => {
      clearTimeout(capTimer);
      clearTimeout(quietTimer);
      source.removeEventListener('icecandidate', handleCandidate);
      source.removeEventListener('icegatheringstatechange', handleStateChange);
      source.removeEventListener('icecandidateerror', armQuietTimer);
      resolve({ end, candidates, elapsedMs: Date.now() - startedAt });
    };

    const handleCandidate = (event: Event): void => {
      const candidate = (event as RTCPeerConnectionIceEvent).candidate;
      if (!candidate) {
        finish('complete');
        return;
      }
      if (!candidate.candidate) return;
      candidates++;
      if (/ typ (srflx|relay|prflx)/.test(candidate.candidate)) serverCandidateSeen = true;
      armQuietTimer();
    };

    // Also on a TURN server's refusal: the relay candidate that was awaited will not come.
    const armQuietTimer = (): void => {
      clearTimeout(quietTimer);
      if (candidates === 0 || relay?.pending) return;
      if (!policy.expectServerCandidates || serverCandidateSeen || relay?.failed) {
        quietTimer = setTimeout(() => finish('quiet'), policy.quietMs);
      }
    };

    const handleStateChange = (): void => {
      if (source.iceGatheringState === 'complete') finish('complete');
    };

    const capTimer = setTimeout(() => finish('cap'), policy.capMs);
    source.addEventListener('icecandidate', handleCandidate);
    source.addEventListener('icegatheringstatechange', handleStateChange);
    source.addEventListener('icecandidateerror', armQuietTimer);
    if (source.iceGatheringState === 'complete') finish('complete');
  });
}

/** The gathering rule of the user's settings (see GatheringPolicy). */
export function gatheringPolicy(
  settings: Pick<Settings, 'gatherCapMs' | 'gatherQuietMs' | 'iceServers' | 'relayOnly'>,
): GatheringPolicy {
  return {
    capMs: settings.gatherCapMs,
    quietMs: settings.gatherQuietMs,
    expectServerCandidates: settings.iceServers.length > 0,
    expectRelay: hasTurnServer(settings),
    relayOnly: settings.relayOnly,
  };
}
