import type { UncheckedMessage } from '../channel/control-messages.ts';
import { TypedEventTarget } from '../events/typed-event-target.ts';
import type { LinkOutcome } from '../session/conversation.ts';
import type { FeatureLink, SessionFeature } from '../session/feature.ts';
import type { ReceivedFiles } from './received-files.ts';
import { TransferManager, type TransferPort } from './transfer-manager.ts';
import { parseTransferMessage, TRANSFER_MESSAGE_TYPES } from './transfer-messages.ts';

/**
 * File transfers both ways, each file on a data channel of its own next to the control channel.
 * One manager per conversation: each new link is bound to it, a lost link pauses its transfers,
 * and a link that continues the conversation resumes them.
 */
export class TransferFeature extends TypedEventTarget<{ change: Event }> implements SessionFeature {
  readonly messageTypes = TRANSFER_MESSAGE_TYPES;
  private current: TransferManager | undefined;
  private port: TransferPort | undefined;
  private detachChannels: (() => void) | undefined;

  /** received: where accepted files go; a new session deletes what the last one kept. */
  constructor(readonly received: ReceivedFiles) {
    super();
  }

  /** Exists from the conversation's first link until reset; while the link is down its transfers are paused. */
  get manager(): TransferManager | undefined {
    return this.current;
  }

  attach(link: FeatureLink): void {
    const { pc } = link;
    this.port = {
      send: (message) => void link.send(message),
      openChannel: (label) => pc.createDataChannel(label, { ordered: true }),
      maxMessageSize: () => pc.sctp?.maxMessageSize,
    };
    const handleChannel = (event: RTCDataChannelEvent): void => {
      // The control channel is pre-negotiated; any other channel the peer opens must be a file's,
      // one it asked for: the manager closes (and counts) every other one at once.
      if (this.current) this.current.handleChannel(event.channel);
      else event.channel.close();
    };
    pc.addEventListener('datachannel', handleChannel);
    this.detachChannels = () => pc.removeEventListener('datachannel', handleChannel);
    if (this.current) this.current.connect(this.port);
    else this.current = new TransferManager(this.port);
    this.notify('change');
  }

  handle(message: UncheckedMessage): void {
    const parsed = parseTransferMessage(message);
    if (parsed.ok) this.current?.handleMessage(parsed.value);
  }

  resume(outcome: LinkOutcome): void {
    if (outcome === 'continued') this.current?.resume();
  }

  detach(): void {
    this.detachChannels?.();
    this.detachChannels = undefined;
    this.port = undefined;
    this.current?.disconnect();
    this.notify('change');
  }

  /** Another conversation, or New session: unfinished transfers end here (their sinks aborted); the peer is not told. */
  reset(): void {
    this.current?.close();
    // Reset may come on a new link (the conversation was replaced): that link gets a fresh manager.
    this.current = this.port ? new TransferManager(this.port) : undefined;
    void this.received.clear();
    this.notify('change');
  }
}
