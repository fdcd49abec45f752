import type { TransferSnapshot } from './transfer-state.ts';

/** Carries the transfer's snapshot at the moment of the event. */
export class TransferEvent extends Event {
  constructor(
    type: 'offer' | 'change' | 'progress',
    readonly transfer: TransferSnapshot,
  ) {
    super(type);
  }
}

/**
 * offer:    the peer offers a file; call accept() or decline() (from the listener to auto-accept)
 * change:   a transfer entered a new state (including new transfers)
 * progress: bytes moved; at most every progressIntervalMs per transfer
 * counts:   declinedOffers, refusedChannels or removedFromList grew (a plain Event: read them again)
 */
export interface TransferManagerEventMap {
  offer: TransferEvent;
  change: TransferEvent;
  progress: TransferEvent;
  counts: Event;
}
