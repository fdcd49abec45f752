import type { ControlMessage, UncheckedMessage } from '../channel/control-messages.ts';
import type { LinkOutcome } from './conversation.ts';

/** What a feature may use of an open link. */
export interface FeatureLink {
  readonly pc: RTCPeerConnection;
  /** Perfect negotiation's polite peer: the answerer of the first exchange, so no extra agreement. */
  readonly polite: boolean;
  /** Sends on the control channel; false when the channel is no longer open. */
  send(message: ControlMessage): boolean;
  /** Connected now; false while the link is interrupted (messages sent then may never arrive). */
  connected(): boolean;
}

/**
 * A capability on top of the link (chat, call, files). The session routes every control message
 * whose type the feature lists to it, so adding a feature never touches the session's routing.
 */
export interface SessionFeature {
  readonly messageTypes: readonly string[];
  /** The control channel opened: the link is usable until detach(). */
  attach(link: FeatureLink): void;
  /** One of messageTypes; the feature validates the fields itself. */
  handle(message: UncheckedMessage): void;
  /** The link is gone (closed, failed or replaced). What the feature holds stays: a reconnect may continue it. */
  detach(): void;
  /** New session, or a new link that is not the same conversation: forget what was held. */
  reset(): void;
  /**
   * The new link's meaning is settled (after attach): 'continued' when it carries on the same
   * conversation, so the feature re-sends what never arrived and picks up where it stopped.
   */
  resume?(outcome: LinkOutcome): void;
}
