import type { UncheckedMessage } from '../channel/control-messages.ts';
import type { SessionFeature } from './feature.ts';

type MessageHandler = Pick<SessionFeature, 'messageTypes' | 'handle'>;

/** Control messages to their owners by type; a message nobody owns is dropped. */
export class MessageRouter {
  private readonly owners = new Map<string, MessageHandler>();

  /** reserved: types the link handles itself, which no feature may claim. */
  constructor(handlers: readonly MessageHandler[], reserved: readonly string[] = []) {
    for (const handler of handlers) {
      for (const type of handler.messageTypes) {
        // Two owners of one type would split a conversation silently: fail at start-up instead.
        if (this.owners.has(type) || reserved.includes(type)) throw new Error(`Two handlers claim the control message "${type}".`);
        this.owners.set(type, handler);
      }
    }
  }

  /** Returns whether some feature owns the message. */
  route(message: UncheckedMessage): boolean {
    const owner = this.owners.get(message.type);
    owner?.handle(message);
    return owner !== undefined;
  }
}
