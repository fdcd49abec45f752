import type { UncheckedMessage } from '../channel/control-messages.ts';
import { Conversation, CONVERSATION_MESSAGE_TYPES, type LinkOutcome } from './conversation.ts';
import type { FeatureLink, SessionFeature } from './feature.ts';
import { MessageRouter } from './message-router.ts';
import { LINK_MESSAGE_TYPES } from './peer-link.ts';

/**
 * The features of one conversation, attached together while a link is up. They keep what they
 * hold across links; the conversation's hello on each new link says whether that goes on
 * (resume) or another conversation replaces the one held (reset first).
 */
export class FeatureSet {
  readonly conversation: Conversation;
  private readonly router: MessageRouter;
  private attached = false;

  constructor(
    private readonly features: readonly SessionFeature[],
    conversation = new Conversation(),
  ) {
    this.conversation = conversation;
    this.router = new MessageRouter(features, [...LINK_MESSAGE_TYPES, ...CONVERSATION_MESSAGE_TYPES]);
  }

  attach(link: FeatureLink): void {
    if (this.attached) this.detach();
    // The hello goes first on the new channel, so the peer knows what the link means before anything else arrives.
    this.conversation.greet(link);
    for (const feature of this.features) feature.attach(link);
    this.attached = true;
  }

  route(message: UncheckedMessage): void {
    if (!this.attached) return;
    if (message.type !== 'hello') return void this.router.route(message);
    const outcome = this.conversation.receive(message);
    if (outcome) this.settle(outcome);
  }

  detach(): void {
    if (!this.attached) return;
    this.attached = false;
    for (const feature of this.features) feature.detach();
  }

  /** New session: every feature forgets, and nothing can be continued. */
  reset(): void {
    this.conversation.forget();
    for (const feature of this.features) feature.reset();
  }

  private settle(outcome: LinkOutcome): void {
    if (outcome === 'replaced') for (const feature of this.features) feature.reset();
    for (const feature of this.features) feature.resume?.(outcome);
  }
}
