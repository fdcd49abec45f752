import type { UncheckedMessage } from '../channel/control-messages.ts';
import { TypedEventTarget } from '../events/typed-event-target.ts';
import type { LinkOutcome } from '../session/conversation.ts';
import type { FeatureLink, SessionFeature } from '../session/feature.ts';
import { err, ok, type Result } from '../util/result.ts';
import { MAX_CHAT_CHARS, parseChatAck, parseChatMessage, type ChatAckMessage, type ChatMessage } from './chat-messages.ts';

/**
 * Own messages only: queued while the link is down or stalled ("not sent yet"), sent to a working
 * link, delivered once the other side said it has it.
 */
export type Delivery = 'queued' | 'sent' | 'delivered';

export interface ChatEntry {
  readonly id: string;
  readonly from: 'mine' | 'theirs';
  readonly text: string;
  /** Local clock: when this device sent or received it. */
  readonly at: number;
  readonly delivery?: Delivery;
}

export type ChatRefusal = 'not-connected' | 'empty' | 'too-long';

/**
 * The conversation's text messages. The log outlives the link, until New session. Every message
 * is acknowledged, so one that may not have arrived when a link died is sent again on the next
 * link of the same conversation, and the receiver drops what it already has: each arrives once.
 */
export class ChatFeature extends TypedEventTarget<{ change: Event }> implements SessionFeature {
  readonly messageTypes = ['chat', 'chat-ack'];
  private log: readonly ChatEntry[] = [];
  private link: FeatureLink | undefined;
  /** A link has opened since the last reset: messages typed now belong to a conversation that may come back. */
  private inConversation = false;
  private readonly received = new Set<string>();

  constructor(private readonly createId: () => string = () => crypto.randomUUID()) {
    super();
  }

  get entries(): readonly ChatEntry[] {
    return this.log;
  }

  send(text: string): Result<ChatEntry, ChatRefusal> {
    const trimmed = text.trim();
    if (trimmed.length === 0) return err('empty');
    if (trimmed.length > MAX_CHAT_CHARS) return err('too-long');
    if (!this.inConversation) return err('not-connected');
    const entry: ChatEntry = { id: this.createId(), from: 'mine', text: trimmed, at: Date.now(), delivery: 'queued' };
    this.log = [...this.log, { ...entry, delivery: this.transmit(entry) }];
    this.notify('change');
    return ok(this.log.at(-1)!);
  }

  attach(link: FeatureLink): void {
    this.link = link;
    this.inConversation = true;
  }

  handle(message: UncheckedMessage): void {
    const ack = parseChatAck(message);
    if (ack.ok) return this.mark(ack.value.id, 'delivered');
    const parsed = parseChatMessage(message);
    if (!parsed.ok) return;
    const { id, text } = parsed.value;
    const ackMessage: ChatAckMessage = { type: 'chat-ack', id };
    this.link?.send(ackMessage);
    if (this.received.has(id)) return;
    this.received.add(id);
    this.log = [...this.log, { id, from: 'theirs', text, at: Date.now() }];
    this.notify('change');
  }

  /** The same conversation goes on: what never got its acknowledgement is sent again, in order. */
  resume(outcome: LinkOutcome): void {
    if (outcome !== 'continued') return;
    for (const entry of this.log) if (entry.from === 'mine' && entry.delivery !== 'delivered') this.mark(entry.id, this.transmit(entry));
  }

  detach(): void {
    this.link = undefined;
    // Sent but not acknowledged: it may have died with the link.
    for (const entry of this.log) if (entry.delivery === 'sent') this.mark(entry.id, 'queued');
  }

  reset(): void {
    this.log = [];
    this.received.clear();
    this.inConversation = false;
    this.notify('change');
  }

  /** Hands the message to the link if there is one; a stalled link buffers it, but it counts as not sent yet. */
  private transmit(entry: ChatEntry): Delivery {
    const message: ChatMessage = { type: 'chat', id: entry.id, text: entry.text, sentAt: entry.at };
    if (!this.link?.send(message)) return 'queued';
    return this.link.connected() ? 'sent' : 'queued';
  }

  private mark(id: string, delivery: Delivery): void {
    const index = this.log.findIndex((entry) => entry.id === id && entry.from === 'mine');
    const entry = this.log[index];
    if (!entry || entry.delivery === delivery || entry.delivery === 'delivered') return;
    this.log = this.log.map((other, at) => (at === index ? { ...entry, delivery } : other));
    this.notify('change');
  }
}
