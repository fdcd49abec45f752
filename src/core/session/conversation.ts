import type { UncheckedMessage } from '../channel/control-messages.ts';
import { TypedEventTarget } from '../events/typed-event-target.ts';
import type { FeatureLink } from './feature.ts';

/** Carried in-band, over DTLS, never in a code: whoever saw the codes cannot pose as the conversation. */
export interface HelloMessage {
  readonly type: 'hello';
  /** The conversation this device held when the link opened, if any. */
  readonly conversation: string | null;
  /** A new id, used if the two sides do not hold the same conversation. */
  readonly fresh: string;
}

export const CONVERSATION_MESSAGE_TYPES: readonly string[] = ['hello'];

const MAX_ID_CHARS = 64;

/**
 * How a new link relates to what this device held before: the same conversation goes on; this
 * device held none (a first link, or after New session); or it held another one, now replaced.
 */
export type LinkOutcome = 'continued' | 'first' | 'replaced';

/**
 * One conversation can outlive its links: after a reconnect both devices say, first thing on the
 * new link, which conversation they hold. The same one on both sides continues it (history kept,
 * unsent messages and unfinished files go on); anything else starts a new one on both sides. Both
 * decide alike without a third message: the offerer's word counts for the new id.
 */
export class Conversation extends TypedEventTarget<{ change: Event }> {
  private current: string | undefined;
  private outcome: LinkOutcome | undefined;
  private sent: HelloMessage | undefined;
  private polite = false;

  constructor(private readonly createId: () => string = () => crypto.randomUUID()) {
    super();
  }

  /** The conversation's id once a link has opened in it; undefined after forget() or before any link. */
  get id(): string | undefined {
    return this.current;
  }

  /** What the latest link meant, once both hellos were heard: 'continued' after a reconnect. */
  get lastOutcome(): LinkOutcome | undefined {
    return this.outcome;
  }

  /** A new link opened: this device says which conversation it holds. */
  greet(link: Pick<FeatureLink, 'polite' | 'send'>): void {
    this.polite = link.polite;
    this.sent = { type: 'hello', conversation: this.current ?? null, fresh: this.createId() };
    link.send(this.sent);
  }

  /** The peer's hello: what the link means. Undefined for a malformed or unexpected one. */
  receive(message: UncheckedMessage): LinkOutcome | undefined {
    const peer = parseHello(message);
    const own = this.sent;
    if (!peer || !own) return undefined;
    this.sent = undefined;
    const [offerer, answerer] = this.polite ? [peer, own] : [own, peer];
    const continued = offerer.conversation !== null && offerer.conversation === answerer.conversation;
    this.current = continued ? (offerer.conversation ?? undefined) : offerer.fresh;
    this.outcome = continued ? 'continued' : own.conversation === null ? 'first' : 'replaced';
    this.notify('change');
    return this.outcome;
  }

  /** New session: nothing this device held may be continued. */
  forget(): void {
    this.current = this.outcome = this.sent = undefined;
    this.notify('change');
  }
}

function parseHello(message: UncheckedMessage): HelloMessage | undefined {
  const { conversation, fresh } = message;
  const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_CHARS;
  if (message.type !== 'hello' || !isId(fresh) || (conversation !== null && !isId(conversation))) return undefined;
  return { type: 'hello', conversation, fresh };
}
