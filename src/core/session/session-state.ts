import type { DiagnosisCode } from './link-diagnosis.ts';
import type { RelayProblem } from './relay-watch.ts';

/** Which side of the manual exchange this device plays in the current session. */
export type Role = 'offerer' | 'answerer';

export type FailureReason = 'timeout' | 'ice-failed' | 'browser-error';

/**
 * `offer` and `answer` are this device's code as shown; `improved` once a later version (more
 * candidates, same credentials) replaced the first, which any copy of an earlier one still matches.
 * `relay`: the configured TURN server gave this code no relay address, and why.
 */
export type SessionState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'gathering'; readonly role: Role }
  | { readonly phase: 'offer-ready'; readonly offer: string; readonly improved?: true; readonly relay?: RelayProblem }
  | {
      readonly phase: 'connecting';
      readonly role: Role;
      readonly answer?: string;
      readonly improved?: true;
      readonly relay?: RelayProblem;
    }
  | { readonly phase: 'connected'; readonly role: Role }
  | { readonly phase: 'interrupted'; readonly role: Role }
  | { readonly phase: 'no-candidates'; readonly role: Role; readonly relay?: RelayProblem }
  | {
      readonly phase: 'failed';
      readonly reason: FailureReason;
      readonly role?: Role;
      /** The browser's own words, for browser-error. */
      readonly detail?: string;
      /** For timeout: how long the link was given. */
      readonly afterMs?: number;
      /** For timeout and ice-failed: why the link did not come up, most likely cause first. */
      readonly diagnosis?: readonly DiagnosisCode[];
    }
  | { readonly phase: 'ended'; readonly byPeer: boolean };

export type Phase = SessionState['phase'];

export type FailedState = Extract<SessionState, { phase: 'failed' }>;

export const INITIAL_STATE: SessionState = { phase: 'idle' };

/** Phases from which a fresh offer or answer may start without pressing New session first. */
const RESTARTABLE: ReadonlySet<Phase> = new Set(['idle', 'no-candidates', 'failed', 'ended']);
/** Phases in which the current RTCPeerConnection can no longer become useful. */
const DEAD: ReadonlySet<Phase> = new Set(['failed', 'ended', 'no-candidates']);

export function canStart(state: SessionState): boolean {
  return RESTARTABLE.has(state.phase);
}

/** A start that failed for want of addresses or of a link, which the same press may now fix. */
export function canRetry(state: SessionState): boolean {
  return state.phase === 'no-candidates' || state.phase === 'failed';
}

export function isDead(state: SessionState): boolean {
  return DEAD.has(state.phase);
}

/** The control channel has opened and not closed: connected, or interrupted while ICE recovers. */
export function isLinkUp(state: SessionState): state is Extract<SessionState, { phase: 'connected' | 'interrupted' }> {
  return state.phase === 'connected' || state.phase === 'interrupted';
}

/** The link is up and ICE is not interrupted: what is sent now arrives. */
export function isConnected(state: SessionState): boolean {
  return state.phase === 'connected';
}

/** A connection attempt exists and has not yet ended. */
export function isLive(state: SessionState): boolean {
  return state.phase === 'connecting' || isLinkUp(state);
}
