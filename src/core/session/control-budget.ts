import { TokenBucket } from '../util/token-bucket.ts';

/**
 * Far above anything an honest page sends (a chat paces itself at 10/s, a reconnect re-offers at
 * most 200 files at once), far below what would keep this page busy: a peer's script can send
 * tens of thousands of control messages a second.
 */
export const CONTROL_MESSAGES_PER_SECOND = 500;
export const CONTROL_MESSAGE_BURST = 2_000;

/** How many of the peer's control messages one link takes; the rest is dropped before any feature sees it, and counted. */
export class ControlBudget {
  private readonly bucket: TokenBucket;
  private droppedCount = 0;

  constructor(now: () => number = Date.now) {
    this.bucket = new TokenBucket(CONTROL_MESSAGES_PER_SECOND, CONTROL_MESSAGE_BURST, now);
  }

  get dropped(): number {
    return this.droppedCount;
  }

  admit(): boolean {
    if (this.bucket.take()) return true;
    this.droppedCount++;
    return false;
  }
}
