import type { ChatRefusal } from '../core/chat/chat-feature.ts';
import type { MediaErrorCode } from '../core/media/media-error.ts';
import type { StartProblem } from '../core/session/link-opening.ts';
import type { BlobProblem } from '../core/session/paste-plan.ts';

/**
 * Everything the page may have to tell the user went wrong with what they did. Views report one
 * with a `p2p-problem` event; the app shows the latest in its alert and text/problem-text words it.
 */
export type Problem =
  | { readonly kind: 'code'; readonly via: 'paste' | 'link'; readonly problem: BlobProblem }
  | { readonly kind: 'scan-camera'; readonly code: MediaErrorCode }
  | { readonly kind: 'no-qr-in-image' }
  | { readonly kind: 'call-media'; readonly code: MediaErrorCode; readonly detail: string }
  | { readonly kind: 'address-camera-refused' }
  | { readonly kind: 'chat'; readonly code: ChatRefusal }
  | StartProblem
  /** Saved settings that could not be used were replaced by the defaults (on this visit only). */
  | { readonly kind: 'settings-repaired' };

export type ProblemEvent = CustomEvent<{ problem: Problem }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'p2p-problem': ProblemEvent;
  }
}

export function problemEvent(problem: Problem): ProblemEvent {
  return new CustomEvent('p2p-problem', { detail: { problem }, bubbles: true, composed: true });
}
