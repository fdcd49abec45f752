import type { UncheckedMessage } from '../channel/control-messages.ts';
import { TypedEventTarget } from '../events/typed-event-target.ts';
import type { LinkOutcome } from '../session/conversation.ts';
import type { FeatureLink, SessionFeature } from '../session/feature.ts';
import { err, ok, type Result } from '../util/result.ts';
import { BoundedLog } from './bounded-log.ts';
import type { ChatEntry, ChatHistory, ChatRefusal, Delivery } from './chat-entry.ts';
import { CHAT_HISTORY_CAP, CHAT_PEER_BURST, CHAT_PEER_RATE_PER_SECOND, CHAT_SEEN_IDS_CAP } from './chat-limits.ts';
import { MAX_CHAT_CHARS, parseChatAck, parseChatMessage, type ChatAckMessage } from './chat-messages.ts';
import { ChatOutbox } from './chat-outbox.ts';
import { RecentIds } from './recent-ids.ts';
import { TokenBucket } from '../util/token-bucket.ts';

export type { ChatEntry, ChatHistory, ChatRefusal, Delivery } from './chat-entry.ts';

/**
 * The conversation's text messages. The log outlives the link, until New session, and keeps the
 * newest CHAT_HISTORY_CAP. Every message is acknowledged, so one that may not have arrived is sent
 * again (ChatOutbox), and the receiver drops what it already has: each arrives once. A peer that
 * sends faster than CHAT_PEER_RATE_PER_SECOND has the excess dropped unacknowledged and counted.
 */
export class ChatFeature extends TypedEventTarget<{ change: Event }> implements SessionFeature, ChatHistory {
  readonly messageTypes = ['chat', 'chat-ack'];
  private readonly log = new BoundedLog<ChatEntry>(CHAT_HISTORY_CAP);
  /** Where each own message still kept sits in the log, so marking its delivery costs no scan. */
  private readonly ownAt = new Map<string, number>();
  private readonly seen = new RecentIds(CHAT_SEEN_IDS_CAP);
  private readonly outbox: ChatOutbox;
  private incoming: TokenBucket;
  private refusedCount = 0;
  private link: FeatureLink | undefined;
  /** A link has opened since the last reset: messages typed now belong to a conversation that may come back. */
  private inConversation = false;

  constructor(
    private readonly createId: () => string = () => crypto.randomUUID(),
    private readonly now: () => number = () => Date.now(),
  ) {
    super();
    this.outbox = new ChatOutbox(now, () => this.flush());
    this.incoming = this.freshLimit();
  }

  get entries(): readonly ChatEntry[] {
    return this.log.snapshot();
  }

  /** Older messages no longer kept, counted since New session. */
  get removed(): number {
    return this.log.removed;
  }

  /** The peer's messages dropped because it sent too fast, counted since New session. */
  get refused(): number {
    return this.refusedCount;
  }

  send(text: string): Result<ChatEntry, ChatRefusal> {
    const trimmed = text.trim();
    if (trimmed.length === 0) return err('empty');
    if (trimmed.length > MAX_CHAT_CHARS) return err('too-long');
    if (!this.inConversation) return err('not-connected');
    const entry: ChatEntry = { id: this.createId(), from: 'mine', text: trimmed, at: this.now(), delivery: 'queued' };
    this.append(entry);
    this.outbox.add({ type: 'chat', id: entry.id, text: entry.text, sentAt: entry.at });
    this.flush(false);
    this.notify('change');
    return ok(this.log.get(this.ownAt.get(entry.id)!)!);
  }

  attach(link: FeatureLink): void {
    this.link = link;
    this.inConversation = true;
    this.outbox.hold();
  }

  handle(message: UncheckedMessage): void {
    const ack = parseChatAck(message);
    if (ack.ok) {
      if (this.outbox.acknowledge(ack.value.id) && this.mark(ack.value.id, 'delivered')) this.notify('change');
      return;
    }
    const parsed = parseChatMessage(message);
    if (!parsed.ok) return;
    if (!this.incoming.take()) {
      // Unacknowledged: an honest sender sends it again later, a flood is simply not shown.
      this.refusedCount++;
      return this.notify('change');
    }
    const { id, text } = parsed.value;
    const ackMessage: ChatAckMessage = { type: 'chat-ack', id };
    this.link?.send(ackMessage);
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.append({ id, from: 'theirs', text, at: this.now() });
    this.notify('change');
  }

  /** The link's meaning is settled: on the same conversation what never got its acknowledgement goes again, in order. */
  resume(_outcome: LinkOutcome): void {
    this.outbox.release();
    this.flush();
  }

  detach(): void {
    this.link = undefined;
    this.outbox.detach();
    // Sent but not acknowledged: it may have died with the link.
    let changed = false;
    for (const id of this.outbox.ids()) changed = this.mark(id, 'queued') || changed;
    if (changed) this.notify('change');
  }

  reset(): void {
    this.log.clear();
    this.ownAt.clear();
    this.seen.clear();
    this.outbox.clear();
    this.incoming = this.freshLimit();
    this.refusedCount = 0;
    this.inConversation = false;
    this.notify('change');
  }

  private flush(notify = true): void {
    let changed = false;
    this.outbox.flush(this.link, (id) => (changed = this.mark(id, 'sent') || changed));
    if (changed && notify) this.notify('change');
  }

  private append(entry: ChatEntry): void {
    const evicted = this.log.push(entry);
    if (evicted?.from === 'mine') this.ownAt.delete(evicted.id);
    if (entry.from === 'mine') this.ownAt.set(entry.id, this.log.newestIndex);
  }

  /** Returns whether the entry changed; a delivered message stays delivered. */
  private mark(id: string, delivery: Delivery): boolean {
    const index = this.ownAt.get(id);
    const entry = index === undefined ? undefined : this.log.get(index);
    if (!entry || entry.delivery === delivery || entry.delivery === 'delivered') return false;
    this.log.set(index!, { ...entry, delivery });
    return true;
  }

  private freshLimit(): TokenBucket {
    return new TokenBucket(CHAT_PEER_RATE_PER_SECOND, CHAT_PEER_BURST, this.now);
  }
}
