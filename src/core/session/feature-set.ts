import type { ControlMessage } from '../channel/control-messages.ts';
import type { SessionFeature } from './feature.ts';
import { MessageRouter } from './message-router.ts';

/** The features of one session, attached together while a link is up. */
export class FeatureSet {
  private readonly router: MessageRouter;
  private attached = false;

  /** `own`: the control messages the session itself handles, such as 'bye'. */
  constructor(
    private readonly features: readonly SessionFeature[],
    own: readonly Pick<SessionFeature, 'messageTypes' | 'handle'>[],
  ) {
    this.router = new MessageRouter([...own, ...features]);
  }

  attach(pc: RTCPeerConnection, polite: boolean, send: (message: ControlMessage) => boolean): void {
    if (this.attached) this.detach();
    for (const feature of this.features) feature.attach({ pc, polite, send });
    this.attached = true;
  }

  route(data: unknown): void {
    if (this.attached) this.router.route(data);
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
