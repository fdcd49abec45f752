import type { UncheckedMessage } from '../channel/control-messages.ts';
import { TypedEventTarget } from '../events/typed-event-target.ts';
import type { FeatureLink, SessionFeature } from '../session/feature.ts';
import type { ReceivedFiles } from './received-files.ts';
import { TransferManager } from './transfer-manager.ts';
import { parseTransferMessage, TRANSFER_MESSAGE_TYPES } from './transfer-messages.ts';

/** File transfers both ways, each file on a data channel of its own next to the control channel. */
export class TransferFeature extends TypedEventTarget<{ change: Event }> implements SessionFeature {
  readonly messageTypes = TRANSFER_MESSAGE_TYPES;
  private current: TransferManager | undefined;
  private detachChannels: (() => void) | undefined;

  /** received: where accepted files go; a new session deletes what the last one kept. */
  constructor(readonly received: ReceivedFiles) {
    super();
  }

  /** Exists while the link is up. */
  get manager(): TransferManager | undefined {
    return this.current;
  }

  attach(link: FeatureLink): void {
    const { pc } = link;
    const manager = new TransferManager({
      send: (message) => void link.send(message),
      openChannel: (label) => pc.createDataChannel(label, { ordered: true }),
      maxMessageSize: () => pc.sctp?.maxMessageSize,
    });
    const handleChannel = (event: RTCDataChannelEvent): void => {
      // The control channel is pre-negotiated; any other channel the peer opens must be a file's.
      if (!manager.handleChannel(event.channel)) event.channel.close();
    };
    pc.addEventListener('datachannel', handleChannel);
    this.detachChannels = () => pc.removeEventListener('datachannel', handleChannel);
    this.current = manager;
    this.notify('change');
  }

  handle(message: UncheckedMessage): void {
    const parsed = parseTransferMessage(message);
    if (parsed.ok) this.current?.handleMessage(parsed.value);
  }

  detach(): void {
    if (!this.current) return;
    this.detachChannels?.();
    this.detachChannels = undefined;
    this.current.close();
    this.current = undefined;
    this.notify('change');
  }

  reset(): void {
    void this.received.clear();
  }
}
