import { parseEnvelope } from '../channel/control-messages.ts';
import type { SessionFeature } from './feature.ts';

type MessageHandler = Pick<SessionFeature, 'messageTypes' | 'handle'>;

/** Control messages to their owners by type; a message nobody owns is dropped. */
export class MessageRouter {
  private readonly owners = new Map<string, MessageHandler>();

  constructor(handlers: readonly MessageHandler[]) {
    for (const handler of handlers) {
      for (const type of handler.messageTypes) {
        // Two owners of one type would split a conversation silently: fail at start-up instead.
        if (this.owners.has(type)) throw new Error(`Two features handle the control message "${type}".`);
        this.owners.set(type, handler);
      }
    }
  }

  /** Returns whether the data was a well-formed message that some feature owns. */
  route(data: unknown): boolean {
    const parsed = parseEnvelope(data);
    if (!parsed.ok) return false;
    const owner = this.owners.get(parsed.value.type);
    owner?.handle(parsed.value);
    return owner !== undefined;
  }
}
