import type { SignalKind } from '../signal/index.ts';
import { canStart, isConnected, isLinkUp, type SessionState } from './session-state.ts';

/**
 * What the page shows for a state, decided once: the app switches on `name` and never on phases.
 * - connect: making or reading codes; `outgoing` is this device's code once it exists, `improved`
 *   once a later version replaced the first (earlier copies still work)
 * - conversation: the link is (or was until a moment ago) up
 */
export type Screen =
  | {
      readonly name: 'connect';
      readonly atStart: boolean;
      readonly canCreateOffer: boolean;
      readonly outgoing?: { readonly kind: SignalKind; readonly blob: string; readonly improved: boolean };
      readonly noAddress: boolean;
      readonly failed: boolean;
    }
  | { readonly name: 'conversation'; readonly live: boolean };

export function screenFor(state: SessionState): Screen {
  if (isLinkUp(state)) return { name: 'conversation', live: isConnected(state) };
  return {
    name: 'connect',
    atStart: state.phase === 'idle',
    canCreateOffer: canStart(state),
    ...outgoingOf(state),
    noAddress: state.phase === 'no-candidates',
    failed: state.phase === 'failed',
  };
}

function outgoingOf(state: SessionState): Pick<Extract<Screen, { name: 'connect' }>, 'outgoing'> {
  const improved = 'improved' in state && state.improved === true;
  if (state.phase === 'offer-ready') return { outgoing: { kind: 'offer', blob: state.offer, improved } };
  if (state.phase === 'connecting' && state.answer) return { outgoing: { kind: 'answer', blob: state.answer, improved } };
  return {};
}
