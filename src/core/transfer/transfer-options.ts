import type { OpenFileChannel } from './file-channel.ts';
import type { SendTuningOptions } from './flow-control.ts';
import type { TransferMessage } from './transfer-messages.ts';

/**
 * What the manager uses of the current link. A conversation outlives its links, and so do its
 * transfers: each new link brings a new port (connect), and while the link is down there is none.
 */
export interface TransferPort {
  /** Sends on the control channel; drops the message if it is not open (a throw is caught and ignored). */
  readonly send: (message: TransferMessage) => void;
  /** `(label) => pc.createDataChannel(label, { ordered: true })` */
  readonly openChannel: OpenFileChannel;
  /** `() => pc.sctp?.maxMessageSize`: the largest message the peer accepts. */
  readonly maxMessageSize?: () => number | undefined;
}

/** send and openChannel, when given, are the first link's port. */
export interface TransferManagerOptions extends SendTuningOptions, Partial<TransferPort> {
  /** Files sent at the same time; later accepted files wait in 'waiting'. 1 finishes files in order. */
  readonly maxParallelSends?: number;
  readonly closeGraceMs?: number;
  /** TRANSFER_IDLE_TIMEOUT_MS unless given (tests). */
  readonly idleTimeoutMs?: number;
  /**
   * Least time between 'progress' events of one transfer; 500 ms by default. Each one re-renders
   * both pages, on the two cores that also run the transfer: in bench:transfer, our transfer ran
   * at 11.4–12.3 MB/s with four renders a second and 12.2–13.0 with none (docs/benchmarks.md).
   */
  readonly progressIntervalMs?: number;
  readonly now?: () => number;
  readonly createId?: () => string;
}

/** What a transfer needs from its manager. */
export interface TransferHooks {
  /** Sends a control message to the peer (on the control channel). */
  readonly send: (message: TransferMessage) => void;
  /** The state changed; called at once. */
  readonly changed: () => void;
  /** Bytes moved; called often, the manager throttles. */
  readonly progressed: () => void;
  /** Monotonic milliseconds, e.g. performance.now(). */
  readonly now: () => number;
  /** How long a closed channel may wait for the peer's cancel or failure message before it counts as a failure. */
  readonly closeGraceMs: number;
  /** How long a transfer that waits for the peer may hear nothing before it fails as 'stalled'. */
  readonly idleTimeoutMs: number;
}
