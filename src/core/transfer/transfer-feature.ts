import type { UncheckedMessage } from '../channel/control-messages.ts';
import { TypedEventTarget } from '../events/typed-event-target.ts';
import type { LinkOutcome } from '../session/conversation.ts';
import type { FeatureLink, SessionFeature } from '../session/feature.ts';
import type { ReceivedFiles } from './received-files.ts';
import { TRANSFER_MESSAGE_TYPES } from './transfer-message-types.ts';
import type { TransferManager, TransferPort } from './transfer-manager.ts';

type Engine = typeof import('./transfer-engine.ts');
let engine: Engine | undefined;
let loading: Promise<Engine> | undefined;

/** Loads the transfer machinery once; from then on the feature acts at once, as if it had always been there. */
export function loadTransferEngine(): Promise<Engine> {
  return (loading ??= import('./transfer-engine.ts').then((loaded) => (engine = loaded)));
}

/**
 * File transfers both ways, each file on a data channel of its own next to the control channel.
 * One manager per conversation: each new link is bound to it, a lost link pauses its transfers,
 * and a link that continues the conversation resumes them. The machinery loads in the background
 * when the app starts; what arrives before it has loaded waits, in order.
 */
export class TransferFeature extends TypedEventTarget<{ change: Event }> implements SessionFeature {
  readonly messageTypes = TRANSFER_MESSAGE_TYPES;
  private current: TransferManager | undefined;
  private port: TransferPort | undefined;
  private detachChannels: (() => void) | undefined;
  private readonly waiting: ((engine: Engine) => void)[] = [];

  /** received: where accepted files go; a new session deletes what the last one kept. */
  constructor(readonly received: ReceivedFiles) {
    super();
    void loadTransferEngine().catch(() => undefined);
  }

  /** Exists from the conversation's first link until reset; while the link is down its transfers are paused. */
  get manager(): TransferManager | undefined {
    return this.current;
  }

  /** The manager, once the machinery has loaded and a link has given it one (a link may come up a moment before). */
  whenManager(): Promise<TransferManager> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (!this.current) return;
        this.removeEventListener('change', check);
        resolve(this.current);
      };
      this.addEventListener('change', check);
      check();
    });
  }

  attach(link: FeatureLink): void {
    const { pc } = link;
    const port: TransferPort = (this.port = {
      send: (message) => void link.send(message),
      openChannel: (label) => pc.createDataChannel(label, { ordered: true }),
      maxMessageSize: () => pc.sctp?.maxMessageSize,
    });
    const handleChannel = ({ channel }: RTCDataChannelEvent): void =>
      // The control channel is pre-negotiated; any other channel the peer opens must be a file's,
      // one it asked for: the manager closes (and counts) every other one at once.
      this.run(() => (this.current ? this.current.handleChannel(channel) : channel.close()));
    pc.addEventListener('datachannel', handleChannel);
    this.detachChannels = () => pc.removeEventListener('datachannel', handleChannel);
    this.run(({ TransferManager }) => {
      if (this.port !== port) return;
      if (this.current) this.current.connect(port);
      else this.current = new TransferManager(port);
      this.notify('change');
    });
  }

  handle(message: UncheckedMessage): void {
    this.run(({ parseTransferMessage }) => {
      const parsed = parseTransferMessage(message);
      if (parsed.ok) this.current?.handleMessage(parsed.value);
    });
  }

  resume(outcome: LinkOutcome): void {
    if (outcome === 'continued') this.run(() => this.current?.resume());
  }

  detach(): void {
    this.detachChannels?.();
    this.detachChannels = undefined;
    this.port = undefined;
    this.run(() => {
      this.current?.disconnect();
      this.notify('change');
    });
  }

  /** Another conversation, or New session: unfinished transfers end here (their sinks aborted); the peer is not told. */
  reset(): void {
    this.run(({ TransferManager }) => {
      this.current?.close();
      // Reset may come on a new link (the conversation was replaced): that link gets a fresh manager.
      this.current = this.port ? new TransferManager(this.port) : undefined;
      this.notify('change');
    });
    void this.received.clear();
  }

  /** At once when the machinery is there; otherwise after it loads, in the order asked. */
  private run(act: (engine: Engine) => void): void {
    if (engine && this.waiting.length === 0) return act(engine);
    this.waiting.push(act);
    void loadTransferEngine().then(
      (loaded) => {
        for (const next of this.waiting.splice(0)) next(loaded);
      },
      () => undefined,
    );
  }
}
