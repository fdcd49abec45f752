import type { SignalKind } from '../signal/index.ts';
import type { DiagnosisCode } from './link-diagnosis.ts';
import { relayField, type RelayProblem } from './relay-watch.ts';
import { canStart, isConnected, isLinkUp, type Role, type SessionState } from './session-state.ts';

/**
 * Where the manual exchange stands, one step at a time:
 * - choose: start a connection or join with the other device's code (also after a failure or an end)
 * - preparing: this device's code is being made
 * - send-offer: the offer is out; the other device's answer is read here
 * - send-answer: the answer is out and waits to be carried back; nothing else is needed here
 * - linking: the offerer applied the answer and the link is coming up
 */
export type ConnectStep = 'choose' | 'preparing' | 'send-offer' | 'send-answer' | 'linking';

/**
 * What the page shows for a state, decided once: the app switches on `name` and `step`, never on phases.
 * - connect: making or reading codes; `outgoing` is this device's code once it exists, `improved`
 *   once a later version replaced the first (earlier copies still work)
 * - conversation: the link is (or was until a moment ago) up
 */
export type Screen =
  | {
      readonly name: 'connect';
      readonly step: ConnectStep;
      /** Which side this device plays, once it has one. */
      readonly role?: Role;
      readonly atStart: boolean;
      readonly canCreateOffer: boolean;
      readonly outgoing?: { readonly kind: SignalKind; readonly blob: string; readonly improved: boolean };
      readonly noAddress: boolean;
      readonly failed: boolean;
      /** The link is gone but the conversation is not: one fresh exchange continues it. */
      readonly canReconnect: boolean;
      /** After a failed link: why, most likely cause first (empty when nothing could be told). */
      readonly diagnosis: readonly DiagnosisCode[];
      /** The configured TURN server gave this device's code (or, with noAddress, its only hope) no relay address. */
      readonly relay?: RelayProblem;
    }
  | { readonly name: 'conversation'; readonly live: boolean };

/** inConversation: a link of this session opened and New session was not pressed since (see conversation.ts). */
export function screenFor(state: SessionState, { inConversation = false } = {}): Screen {
  if (isLinkUp(state)) return { name: 'conversation', live: isConnected(state) };
  return {
    name: 'connect',
    step: stepOf(state),
    ...('role' in state && state.role ? { role: state.role } : {}),
    atStart: state.phase === 'idle',
    canCreateOffer: canStart(state),
    ...outgoingOf(state),
    noAddress: state.phase === 'no-candidates',
    failed: state.phase === 'failed',
    // A peer that said bye ended the conversation on purpose: nothing to continue.
    canReconnect: inConversation && (state.phase === 'failed' || (state.phase === 'ended' && !state.byPeer)),
    diagnosis: (state.phase === 'failed' && state.diagnosis) || [],
    ...relayField('relay' in state ? state.relay : undefined),
  };
}

/**
 * A key that changes exactly when the page moves to another step (and not when a code improves or
 * the language changes): the UI moves the focus when it changes.
 */
export function stepKey(screen: Screen): string {
  return screen.name === 'connect' ? `connect:${screen.step}` : 'conversation';
}

function stepOf(state: SessionState): ConnectStep {
  switch (state.phase) {
    case 'gathering':
      return 'preparing';
    case 'offer-ready':
      return 'send-offer';
    case 'connecting':
      return state.role === 'answerer' && state.answer !== undefined ? 'send-answer' : 'linking';
    default:
      return 'choose';
  }
}

function outgoingOf(state: SessionState): Pick<Extract<Screen, { name: 'connect' }>, 'outgoing'> {
  const improved = 'improved' in state && state.improved === true;
  if (state.phase === 'offer-ready') return { outgoing: { kind: 'offer', blob: state.offer, improved } };
  if (state.phase === 'connecting' && state.answer) return { outgoing: { kind: 'answer', blob: state.answer, improved } };
  return {};
}
