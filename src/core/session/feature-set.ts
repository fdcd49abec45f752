import type { UncheckedMessage } from '../channel/control-messages.ts';
import type { FeatureLink, SessionFeature } from './feature.ts';
import { MessageRouter } from './message-router.ts';
import { LINK_MESSAGE_TYPES } from './peer-link.ts';

/** The features of one session, attached together while a link is up. */
export class FeatureSet {
  private readonly router: MessageRouter;
  private attached = false;

  constructor(private readonly features: readonly SessionFeature[]) {
    this.router = new MessageRouter(features, LINK_MESSAGE_TYPES);
  }

  attach(link: FeatureLink): void {
    if (this.attached) this.detach();
    for (const feature of this.features) feature.attach(link);
    this.attached = true;
  }

  route(message: UncheckedMessage): void {
    if (this.attached) this.router.route(message);
  }

  detach(): void {
    if (!this.attached) return;
    this.attached = false;
    for (const feature of this.features) feature.detach();
  }

  reset(): void {
    for (const feature of this.features) feature.reset();
  }
}
