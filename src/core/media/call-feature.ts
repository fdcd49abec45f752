import type { UncheckedMessage } from '../channel/control-messages.ts';
import { TypedEventTarget } from '../events/typed-event-target.ts';
import type { FeatureLink, SessionFeature } from '../session/feature.ts';
import { Call } from './call.ts';
import type { MediaAccess } from './media-access.ts';
import { parseCallMessage } from './call-messages.ts';
import { parseNegotiationMessage } from './negotiation-messages.ts';
import { Negotiator } from './negotiator.ts';

/**
 * Audio and video on top of the open link. Renegotiation runs over the control channel, so the
 * codes exchanged by hand never carry codecs. Without media access the link stays data-only, but
 * the negotiator still answers a peer that adds media.
 */
export class CallFeature extends TypedEventTarget<{ change: Event }> implements SessionFeature {
  readonly messageTypes = ['description', 'candidate', 'media-state', 'hang-up'];
  private negotiator: Negotiator | undefined;
  private current: Call | undefined;

  constructor(private readonly media?: MediaAccess) {
    super();
  }

  /** Exists while the link is up. */
  get call(): Call | undefined {
    return this.current;
  }

  attach(link: FeatureLink): void {
    const send = (message: Parameters<FeatureLink['send']>[0]): void => void link.send(message);
    this.negotiator = new Negotiator(link.pc, link.polite, send);
    if (this.media) this.current = new Call(link.pc, this.media, send);
    this.notify('change');
  }

  handle(message: UncheckedMessage): void {
    if (message.type === 'description' || message.type === 'candidate') {
      const parsed = parseNegotiationMessage(message);
      if (parsed.ok) void this.negotiator?.handle(parsed.value);
      return;
    }
    const parsed = parseCallMessage(message);
    if (parsed.ok) this.current?.handleRemote(parsed.value);
  }

  detach(): void {
    this.negotiator?.dispose();
    this.negotiator = undefined;
    if (!this.current) return;
    this.current.dispose();
    this.current = undefined;
    this.notify('change');
  }

  reset(): void {}
}
