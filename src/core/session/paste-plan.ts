import type { SignalDescription } from '../signal/signal-codec.ts';
import { answersOffer } from '../signal/offer-tag.ts';
import { iceUfrag } from '../signal/sdp-check.ts';
import { err, ok, type Result } from '../util/result.ts';
import { canStart, type SessionState } from './session-state.ts';

export type PasteAction = 'answer-offer' | 'accept-answer';

/** ICE username fragments of the descriptions this session has made and received. */
export interface SessionIdentity {
  readonly localUfrag?: string | undefined;
  readonly remoteUfrag?: string | undefined;
}

/**
 * Decides what a decoded blob means in the current state, or explains in one sentence why it
 * cannot be used. Pure, so that every wrong-role and wrong-moment case is unit-tested.
 */
export function planPaste(
  state: SessionState,
  description: SignalDescription,
  identity: SessionIdentity,
): Result<PasteAction, string> {
  const ufrag = iceUfrag(description.sdp);
  const isOwn = ufrag !== undefined && ufrag === identity.localUfrag;
  const isSameRemote = ufrag !== undefined && ufrag === identity.remoteUfrag;

  if (state.phase === 'gathering') {
    return err('Still preparing this device’s code. Wait a moment, then paste again.');
  }
  if (state.phase === 'connected' || state.phase === 'interrupted') {
    return err('Already connected. To connect to someone else, press New session first.');
  }

  if (description.kind === 'offer') {
    if (canStart(state)) return ok('answer-offer');
    if (isOwn) {
      return err('This is your own offer. Send it to the other device, then paste their answer here.');
    }
    if (state.phase === 'offer-ready') {
      return err(
        'This is an offer, but this device has already made one. Paste the other device’s answer here, or press New session to answer their offer instead.',
      );
    }
    if (isSameRemote) {
      return err('You have already answered this offer. Send your answer back to the device that made it.');
    }
    return err('This device is already answering another offer. Press New session to answer this one instead.');
  }

  if (state.phase === 'offer-ready') {
    if (!answersOffer(description, identity.localUfrag)) {
      return err(
        'This answer belongs to a different offer (an older one, or another device’s). Send the offer shown here and paste the answer made for it.',
      );
    }
    return ok('accept-answer');
  }
  if (isOwn) {
    return err('This is your own answer. Send it back to the device that made the offer.');
  }
  if (state.phase === 'connecting' && state.role === 'offerer') {
    return err('An answer has already been applied; the connection is being set up.');
  }
  return err(
    'This is an answer, but this device has not made an offer. Paste it on the device that created the offer, or press Create offer to start here.',
  );
}
