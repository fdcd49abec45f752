import {
  answersOffer,
  iceUfrag,
  type DecodeError,
  type DecodeErrorCode,
  type SignalDescription,
  type SignalKind,
} from '../signal/index.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { StartProblem } from './link-opening.ts';
import { canStart, isLinkUp, type SessionState } from './session-state.ts';

export type PasteAction = 'answer-offer' | 'accept-answer';

/** Why a decoded code cannot be used now; the UI words each one. */
export type PasteRefusal =
  | 'still-preparing'
  | 'already-connected'
  | 'own-offer'
  | 'offer-while-offering'
  | 'offer-already-answered'
  | 'answering-another-offer'
  | 'answer-for-another-offer'
  | 'own-answer'
  | 'answer-already-applied'
  | 'answer-without-offer';

/** Why a pasted, scanned or linked code was not used; the session is then exactly as it was. */
export type BlobProblem =
  | { readonly kind: 'unreadable'; readonly code: DecodeErrorCode }
  | { readonly kind: 'refused'; readonly code: PasteRefusal }
  | { readonly kind: 'browser-refused'; readonly code: SignalKind; readonly detail: string }
  | StartProblem;

/** ICE username fragments of the descriptions this session has made and received. */
export interface SessionIdentity {
  readonly localUfrag?: string | undefined;
  readonly remoteUfrag?: string | undefined;
}

/**
 * Decides what a decoded blob means in the current state, or why it cannot be used. Pure, so that
 * every wrong-role and wrong-moment case is unit-tested.
 */
export function planPaste(
  state: SessionState,
  description: SignalDescription,
  identity: SessionIdentity,
): Result<PasteAction, PasteRefusal> {
  const ufrag = iceUfrag(description.sdp);
  const isOwn = ufrag !== undefined && ufrag === identity.localUfrag;
  const isSameRemote = ufrag !== undefined && ufrag === identity.remoteUfrag;

  if (state.phase === 'gathering') return err('still-preparing');
  if (isLinkUp(state)) return err('already-connected');

  if (description.kind === 'offer') {
    if (canStart(state)) return ok('answer-offer');
    if (isOwn) return err('own-offer');
    if (state.phase === 'offer-ready') return err('offer-while-offering');
    return err(isSameRemote ? 'offer-already-answered' : 'answering-another-offer');
  }

  if (state.phase === 'offer-ready') {
    return answersOffer(description, identity.localUfrag) ? ok('accept-answer') : err('answer-for-another-offer');
  }
  if (isOwn) return err('own-answer');
  if (state.phase === 'connecting' && state.role === 'offerer') return err('answer-already-applied');
  return err('answer-without-offer');
}

/** Plans what a decoded pasted, scanned or linked text means now. */
export function readCode(
  decoded: Result<SignalDescription, DecodeError>,
  state: SessionState,
  identity: SessionIdentity,
): Result<{ readonly action: PasteAction; readonly sdp: string }, BlobProblem> {
  if (!decoded.ok) return err({ kind: 'unreadable', code: decoded.error.code });
  const plan = planPaste(state, decoded.value, identity);
  return plan.ok ? ok({ action: plan.value, sdp: decoded.value.sdp }) : err({ kind: 'refused', code: plan.error });
}
