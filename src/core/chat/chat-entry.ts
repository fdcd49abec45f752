import type { Subscribable } from '../events/typed-event-target.ts';

/**
 * Own messages only: queued while the link is down or interrupted ("not sent yet"), sent to a
 * working link, delivered once the other side said it has it.
 */
export type Delivery = 'queued' | 'sent' | 'delivered';

export interface ChatEntry {
  readonly id: string;
  readonly from: 'mine' | 'theirs';
  readonly text: string;
  /** Local clock: when this device sent or received it. */
  readonly at: number;
  readonly delivery?: Delivery;
  /** In a group: who wrote it (their display name); absent between two devices. */
  readonly author?: string;
}

export type ChatRefusal = 'not-connected' | 'empty' | 'too-long';

/** What the chat element reads: the kept entries and the two counts it words. */
export interface ChatHistory extends Subscribable<{ change: Event }> {
  readonly entries: readonly ChatEntry[];
  /** Older messages no longer kept. */
  readonly removed: number;
  /** The peer's messages dropped because it sent too fast. */
  readonly refused: number;
}
