/** Which side of the manual exchange this device plays in the current session. */
export type Role = 'offerer' | 'answerer';

export type FailureReason = 'timeout' | 'ice-failed' | 'browser-error';

export type SessionState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'gathering'; readonly role: Role }
  | { readonly phase: 'offer-ready'; readonly offer: string }
  | { readonly phase: 'connecting'; readonly role: Role; readonly answer?: string }
  | { readonly phase: 'connected'; readonly role: Role }
  | { readonly phase: 'interrupted'; readonly role: Role }
  | { readonly phase: 'no-candidates'; readonly role: Role }
  | { readonly phase: 'failed'; readonly reason: FailureReason; readonly role?: Role; readonly detail?: string }
  | { readonly phase: 'ended'; readonly byPeer: boolean };

export type Phase = SessionState['phase'];

export type SessionEvent =
  | { readonly type: 'create-offer' }
  | { readonly type: 'offer-received' }
  | { readonly type: 'gathered'; readonly blob: string }
  | { readonly type: 'gathered-nothing' }
  | { readonly type: 'answer-received' }
  | { readonly type: 'channel-open' }
  | { readonly type: 'ice-interrupted' }
  | { readonly type: 'ice-restored' }
  | { readonly type: 'ice-failed' }
  | { readonly type: 'timeout' }
  | { readonly type: 'browser-error'; readonly detail: string }
  | { readonly type: 'channel-closed'; readonly byPeer: boolean }
  | { readonly type: 'reset' };

export const INITIAL_STATE: SessionState = { phase: 'idle' };

/** Phases from which a fresh offer or answer may start without pressing New session first. */
const RESTARTABLE: ReadonlySet<Phase> = new Set(['idle', 'no-candidates', 'failed', 'ended']);

export function canStart(state: SessionState): boolean {
  return RESTARTABLE.has(state.phase);
}

/**
 * Pure transition function. An event that does not apply to the current phase returns the same
 * state object, so callers can detect "nothing happened" by identity.
 */
export function transition(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'reset':
      return INITIAL_STATE;
    case 'create-offer':
      return canStart(state) ? { phase: 'gathering', role: 'offerer' } : state;
    case 'offer-received':
      return canStart(state) ? { phase: 'gathering', role: 'answerer' } : state;
    case 'gathered':
      if (state.phase !== 'gathering') return state;
      return state.role === 'offerer'
        ? { phase: 'offer-ready', offer: event.blob }
        : { phase: 'connecting', role: 'answerer', answer: event.blob };
    case 'gathered-nothing':
      return state.phase === 'gathering' ? { phase: 'no-candidates', role: state.role } : state;
    case 'answer-received':
      return state.phase === 'offer-ready' ? { phase: 'connecting', role: 'offerer' } : state;
    case 'channel-open':
      return state.phase === 'connecting' || state.phase === 'interrupted'
        ? { phase: 'connected', role: state.role }
        : state;
    case 'ice-interrupted':
      return state.phase === 'connected' ? { phase: 'interrupted', role: state.role } : state;
    case 'ice-restored':
      return state.phase === 'interrupted' ? { phase: 'connected', role: state.role } : state;
    case 'ice-failed':
      return isLive(state) ? { phase: 'failed', reason: 'ice-failed' } : state;
    case 'timeout':
      return state.phase === 'connecting' ? { phase: 'failed', reason: 'timeout', role: state.role } : state;
    case 'browser-error':
      return state.phase === 'gathering' || isLive(state)
        ? { phase: 'failed', reason: 'browser-error', detail: event.detail }
        : state;
    case 'channel-closed':
      return state.phase === 'connected' || state.phase === 'interrupted'
        ? { phase: 'ended', byPeer: event.byPeer }
        : state;
  }
}

function isLive(state: SessionState): boolean {
  return state.phase === 'connecting' || state.phase === 'connected' || state.phase === 'interrupted';
}
