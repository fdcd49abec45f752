import type { UncheckedMessage } from '../channel/control-messages.ts';
import { err, ok, type Result } from '../util/result.ts';

/** What a peer currently sends, so the other side can say "muted" instead of showing a frozen frame. */
export interface MediaState {
  readonly audio: boolean;
  readonly video: boolean;
  readonly screen: boolean;
}

export type CallMessage = ({ readonly type: 'media-state' } & MediaState) | { readonly type: 'hang-up' };

export function parseCallMessage(message: UncheckedMessage): Result<CallMessage, string> {
  if (message.type === 'hang-up') return ok({ type: 'hang-up' });
  if (message.type !== 'media-state') return err('not a call message');
  const { audio, video, screen } = message;
  if (typeof audio !== 'boolean' || typeof video !== 'boolean' || typeof screen !== 'boolean') {
    return err('bad media state');
  }
  return ok({ type: 'media-state', audio, video, screen });
}
