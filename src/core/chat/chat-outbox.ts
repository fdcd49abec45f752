import type { FeatureLink } from '../session/feature.ts';
import { OneTimer } from '../util/one-timer.ts';
import type { ChatMessage } from './chat-messages.ts';
import { CHAT_RESEND_AFTER_MS, CHAT_RETRY_MS, CHAT_SEND_BURST, CHAT_SEND_RATE_PER_SECOND } from './chat-limits.ts';
import { TokenBucket } from '../util/token-bucket.ts';

interface Waiting {
  readonly message: ChatMessage;
  /** Order of typing, to restore it when a link goes. */
  readonly order: number;
  lastSent: number;
}

type Queue = Map<string, Waiting>;

/**
 * Own messages the peer has not acknowledged. They go out at this device's own pace and only on a
 * connected link; one sent and not acknowledged goes again after a while (a receiver drops what
 * exceeds its rate without a word), so an honest message is never lost. Every step costs only
 * what it sends: three queues in order, never a scan.
 */
export class ChatOutbox {
  /** Not on this link yet, in typing order. */
  private fresh: Queue = new Map();
  /** Sent on this link and unanswered, least recently sent first. */
  private readonly unanswered: Queue = new Map();
  /** From before this link, until its meaning is settled (resume). */
  private heldBack: Queue = new Map();
  private typed = 0;
  private readonly timer = new OneTimer();
  private pace: TokenBucket;

  /** retry: called when it is time to flush again. */
  constructor(
    private readonly now: () => number,
    private readonly retry: () => void,
  ) {
    this.pace = this.freshPace();
  }

  /** Every id not acknowledged yet. */
  *ids(): Iterable<string> {
    for (const queue of [this.heldBack, this.unanswered, this.fresh]) yield* queue.keys();
  }

  add(message: ChatMessage): void {
    this.fresh.set(message.id, { message, order: this.typed++, lastSent: 0 });
  }

  /** Returns whether the id was waiting. */
  acknowledge(id: string): boolean {
    return this.fresh.delete(id) || this.unanswered.delete(id) || this.heldBack.delete(id);
  }

  /** A new link: what is left from the last one waits until the link is known to continue the conversation. */
  hold(): void {
    this.heldBack = new Map([...this.heldBack, ...this.fresh]);
    this.fresh = new Map();
  }

  release(): void {
    this.fresh = new Map([...this.heldBack, ...this.fresh]);
    this.heldBack.clear();
  }

  /**
   * Sends what is due: first what has not gone out on this link, in order, then what went out
   * unanswered long enough ago, so that resending never holds back new messages. Calls sent(id)
   * for each first sending. Schedules the next try while anything waits.
   */
  flush(link: FeatureLink | undefined, sent: (id: string) => void): void {
    this.timer.clear();
    if (!link) return;
    const now = this.now();
    // An interrupted link may deliver late or never, and all at once: wait for it to work again.
    const go = (): boolean => link.connected() && this.pace.take();
    for (const [id, item] of this.fresh) {
      if (!go()) return this.timer.start(CHAT_RETRY_MS, this.retry);
      if (!link.send(item.message)) return; // the channel closed: detach follows
      this.fresh.delete(id);
      this.unanswered.set(id, { ...item, lastSent: now });
      sent(id);
    }
    for (const [id, item] of this.unanswered) {
      if (now - item.lastSent < CHAT_RESEND_AFTER_MS) break;
      if (!go()) return this.timer.start(CHAT_RETRY_MS, this.retry);
      if (!link.send(item.message)) return;
      this.unanswered.delete(id);
      this.unanswered.set(id, { ...item, lastSent: now });
    }
    const oldest = this.unanswered.values().next().value;
    if (oldest) this.timer.start(Math.max(CHAT_RETRY_MS, oldest.lastSent + CHAT_RESEND_AFTER_MS - now), this.retry);
  }

  /** The link is gone: nothing is in flight any more, and everything goes again, in typing order. */
  detach(): void {
    this.timer.clear();
    const all = [...this.heldBack, ...this.unanswered, ...this.fresh].sort(([, a], [, b]) => a.order - b.order);
    this.fresh = new Map(all);
    this.unanswered.clear();
    this.heldBack.clear();
  }

  clear(): void {
    this.timer.clear();
    for (const queue of [this.fresh, this.unanswered, this.heldBack]) queue.clear();
    this.pace = this.freshPace();
  }

  private freshPace(): TokenBucket {
    return new TokenBucket(CHAT_SEND_RATE_PER_SECOND, CHAT_SEND_BURST, this.now);
  }
}
