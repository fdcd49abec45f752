import type { UncheckedMessage } from '../channel/control-messages.ts';
import { TypedEventTarget } from '../events/typed-event-target.ts';
import type { FeatureLink, SessionFeature } from '../session/feature.ts';
import { err, ok, type Result } from '../util/result.ts';
import { MAX_CHAT_CHARS, parseChatMessage, type ChatMessage } from './chat-messages.ts';

export interface ChatEntry {
  readonly id: string;
  readonly from: 'mine' | 'theirs';
  readonly text: string;
  /** Local clock: when this device sent or received it. */
  readonly at: number;
}

export type ChatRefusal = 'not-connected' | 'empty' | 'too-long';

/** The conversation's text messages. The log outlives the link, until New session. */
export class ChatFeature extends TypedEventTarget<{ change: Event }> implements SessionFeature {
  readonly messageTypes = ['chat'];
  private log: readonly ChatEntry[] = [];
  private link: FeatureLink | undefined;

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
    const entry: ChatEntry = { id: this.createId(), from: 'mine', text: trimmed, at: Date.now() };
    const message: ChatMessage = { type: 'chat', id: entry.id, text: entry.text, sentAt: entry.at };
    if (!this.link?.connected() || !this.link.send(message)) return err('not-connected');
    this.append(entry);
    return ok(entry);
  }

  attach(link: FeatureLink): void {
    this.link = link;
  }

  handle(message: UncheckedMessage): void {
    const parsed = parseChatMessage(message);
    if (parsed.ok) this.append({ id: parsed.value.id, from: 'theirs', text: parsed.value.text, at: Date.now() });
  }

  detach(): void {
    this.link = undefined;
  }

  reset(): void {
    this.log = [];
    this.notify('change');
  }

  private append(entry: ChatEntry): void {
    this.log = [...this.log, entry];
    this.notify('change');
  }
}
