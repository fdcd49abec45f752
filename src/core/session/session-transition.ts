import type { DiagnosisCode } from './link-diagnosis.ts';
import { relayField, type RelayProblem } from './relay-watch.ts';
import { canStart, INITIAL_STATE, isDead, isLinkUp, isLive, type FailedState, type SessionState } from './session-state.ts';

export type SessionEvent =
  | { readonly type: 'create-offer' }
  | { readonly type: 'offer-received' }
  /** `relay`: why the code has no relay address although the settings call for one. */
  | { readonly type: 'gathered'; readonly blob: string; readonly relay?: RelayProblem }
  | { readonly type: 'gathered-nothing'; readonly relay?: RelayProblem }
  /** A later version of this device's code, gathered after the first was shown. */
  | { readonly type: 'code-improved'; readonly blob: string; readonly relay?: RelayProblem }
  | { readonly type: 'answer-received' }
  | { readonly type: 'channel-open' }
  | { readonly type: 'ice-interrupted' }
  | { readonly type: 'ice-restored' }
  /** diagnosis: why, as far as the link could tell before it closed (link-diagnosis.ts). */
  | { readonly type: 'ice-failed'; readonly diagnosis?: readonly DiagnosisCode[] }
  | { readonly type: 'timeout'; readonly afterMs: number; readonly diagnosis?: readonly DiagnosisCode[] }
  | { readonly type: 'browser-error'; readonly detail: string }
  | { readonly type: 'channel-closed'; readonly byPeer: boolean }
  | { readonly type: 'reset' };

/** Which of the settings' waits a timer runs for. */
export type TimeoutKind = 'connect' | 'answer';

/** What the session must do as a consequence; it runs them in order, then tells its listeners. */
export type SessionEffect =
  | { readonly type: 'start-timeout'; readonly timeout: TimeoutKind }
  | { readonly type: 'clear-timeout' }
  | { readonly type: 'attach-features'; readonly polite: boolean }
  | { readonly type: 'send-bye' }
  | { readonly type: 'close-connection' }
  | { readonly type: 'reset-features' };

export interface Step {
  readonly state: SessionState;
  readonly effects: readonly SessionEffect[];
}

/**
 * Pure transition. An event that does not apply to the current phase returns the same state
 * object and no effects, so callers can tell "nothing happened" by identity.
 */
export function transition(state: SessionState, event: SessionEvent): Step {
  const next = nextState(state, event);
  if (next === state) return { state, effects: [] };
  return { state: next, effects: effectsOf(state, next, event) };
}

function effectsOf(from: SessionState, to: SessionState, event: SessionEvent): SessionEffect[] {
  // A new version of the same code: the answerer's wait for it to be used goes on as it was.
  if (event.type === 'code-improved') return [];
  if (event.type === 'reset') return [{ type: 'send-bye' }, { type: 'close-connection' }, { type: 'reset-features' }];
  if (isDead(to)) return [{ type: 'close-connection' }];
  if (event.type === 'answer-received') return [{ type: 'start-timeout', timeout: 'connect' }];
  // The answerer waits for a person to carry its answer back: a longer wait than the link's own.
  if (to.phase === 'connecting' && to.role === 'answerer') return [{ type: 'start-timeout', timeout: 'answer' }];
  // The answerer of the first exchange is perfect negotiation's polite peer.
  if (event.type === 'channel-open') {
    return [{ type: 'clear-timeout' }, { type: 'attach-features', polite: 'role' in from && from.role === 'answerer' }];
  }
  return [];
}

function nextState(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'reset':
      return state.phase === 'idle' ? state : INITIAL_STATE;
    case 'create-offer':
      return canStart(state) ? { phase: 'gathering', role: 'offerer' } : state;
    case 'offer-received':
      return canStart(state) ? { phase: 'gathering', role: 'answerer' } : state;
    case 'gathered':
      if (state.phase !== 'gathering') return state;
      return state.role === 'offerer'
        ? { phase: 'offer-ready', offer: event.blob, ...relayField(event.relay) }
        : { phase: 'connecting', role: 'answerer', answer: event.blob, ...relayField(event.relay) };
    case 'code-improved':
      return withImprovedCode(state, event.blob, event.relay);
    case 'gathered-nothing':
      return state.phase === 'gathering' ? { phase: 'no-candidates', role: state.role, ...relayField(event.relay) } : state;
    case 'answer-received':
      return state.phase === 'offer-ready' ? { phase: 'connecting', role: 'offerer' } : state;
    case 'channel-open':
      if (state.phase === 'connecting') return { phase: 'connected', role: state.role };
      // The link can come up before the code that applied the answer runs on: the answering
      // device already checks connectivity, so on a busy machine the channel opens first.
      return state.phase === 'offer-ready' ? { phase: 'connected', role: 'offerer' } : state;
    case 'ice-interrupted':
      return state.phase === 'connected' ? { phase: 'interrupted', role: state.role } : state;
    case 'ice-restored':
      return state.phase === 'interrupted' ? { phase: 'connected', role: state.role } : state;
    case 'ice-failed':
      return isLive(state) ? { phase: 'failed', reason: 'ice-failed', ...diagnosisOf(event) } : state;
    case 'timeout':
      return state.phase === 'connecting'
        ? { phase: 'failed', reason: 'timeout', role: state.role, afterMs: event.afterMs, ...diagnosisOf(event) }
        : state;
    case 'browser-error':
      return state.phase === 'gathering' || isLive(state)
        ? { phase: 'failed', reason: 'browser-error', detail: event.detail }
        : state;
    case 'channel-closed':
      return isLinkUp(state) ? { phase: 'ended', byPeer: event.byPeer } : state;
  }
}

function diagnosisOf(event: { readonly diagnosis?: readonly DiagnosisCode[] }): Pick<FailedState, 'diagnosis'> {
  return event.diagnosis ? { diagnosis: event.diagnosis } : {};
}

/**
 * Replaces the code this device shows while the other side may still read it: the offer until an
 * answer is accepted, the answer until the channel opens. Identical versions change nothing.
 */
function withImprovedCode(state: SessionState, blob: string, relay: RelayProblem | undefined): SessionState {
  if (state.phase === 'offer-ready' && blob !== state.offer) {
    return { phase: 'offer-ready', offer: blob, improved: true, ...relayField(relay) };
  }
  if (state.phase === 'connecting' && state.answer !== undefined && blob !== state.answer) {
    return { phase: 'connecting', role: state.role, answer: blob, improved: true, ...relayField(relay) };
  }
  return state;
}
