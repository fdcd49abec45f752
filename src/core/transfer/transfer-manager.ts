import { TypedEventTarget } from '../events/typed-event-target.ts';
import { transferIdOfLabel, type FileChannel, type OpenFileChannel } from './file-channel.ts';
import type { FileSource, SinkFactory } from './file-sink.ts';
import { resolveSendTuning, type SendTuningOptions } from './flow-control.ts';
import { IncomingTransfer, type AcceptOptions } from './incoming-transfer.ts';
import { OutgoingTransfer } from './outgoing-transfer.ts';
import { SendQueue } from './send-queue.ts';
import type { TransferHooks } from './transfer-base.ts';
import { TransferEvent, type TransferManagerEventMap } from './transfer-event.ts';
import type { TransferMessage } from './transfer-messages.ts';
import type { TransferSnapshot } from './transfer-state.ts';

export interface TransferManagerOptions extends SendTuningOptions {
  /** Sends on the control channel; drops the message if it is not open (a throw is caught and ignored). */
  readonly send: (message: TransferMessage) => void;
  /** `(label) => pc.createDataChannel(label, { ordered: true })` */
  readonly openChannel: OpenFileChannel;
  /** `() => pc.sctp?.maxMessageSize`: the largest message the peer accepts. */
  readonly maxMessageSize?: () => number | undefined;
  /** Files sent at the same time; later accepted files wait in 'waiting'. 1 finishes files in order. */
  readonly maxParallelSends?: number;
  readonly closeGraceMs?: number;
  /**
   * Least time between 'progress' events of one transfer; 500 ms by default. Each one re-renders
   * both pages, on the two cores that also run the transfer: in bench:transfer, our transfer ran
   * at 11.4–12.3 MB/s with four renders a second and 12.2–13.0 with none (docs/benchmarks.md).
   */
  readonly progressIntervalMs?: number;
  readonly now?: () => number;
  readonly createId?: () => string;
}

type Transfer = OutgoingTransfer | IncomingTransfer;

/** A peer that offers more than this before the user answers is flooding; the rest are declined. */
const MAX_UNANSWERED_OFFERS = 1000;

/**
 * The file transfers of one connection, both directions. The UI feeds it the peer's transfer
 * control messages and file channels, and drives it with offerFiles / accept / decline / cancel.
 * Fires 'offer' for each incoming file (accept from the listener to accept automatically),
 * 'change' on every state change, and 'progress' at most every progressIntervalMs per transfer.
 */
export class TransferManager extends TypedEventTarget<TransferManagerEventMap> {
  private readonly transfers = new Map<string, Transfer>();
  private readonly sendQueue: SendQueue;
  private readonly lastProgressAtMs = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: TransferManagerOptions) {
    super();
    this.now = options.now ?? (() => performance.now());
    this.sendQueue = new SendQueue(options.maxParallelSends ?? 1, (transfer) =>
      // Tuning is read per file: maxMessageSize is known only once SCTP is up.
      transfer.run(options.openChannel, resolveSendTuning(options, options.maxMessageSize?.())),
    );
  }

  /** Offers each file to the peer; returns their transfer ids in the same order. */
  offerFiles(files: readonly FileSource[]): string[] {
    return files.map((source) => {
      const transfer = new OutgoingTransfer(this.newId(), source, this.hooksFor(() => transfer));
      this.transfers.set(transfer.id, transfer);
      const { name, size, mimeType } = transfer.file;
      this.options.send({ type: 'file-offer', id: transfer.id, name, size, mimeType });
      this.fire('change', transfer);
      return transfer.id;
    });
  }

  /** Accepts an incoming file; resolves once the acceptance is sent (or the transfer ended). */
  async accept(id: string, createSink: SinkFactory, options?: AcceptOptions): Promise<void> {
    const transfer = this.transfers.get(id);
    if (transfer instanceof IncomingTransfer) await transfer.accept(createSink, options);
  }

  decline(id: string): void {
    const transfer = this.transfers.get(id);
    if (transfer instanceof IncomingTransfer) transfer.decline();
  }

  /** Cancels in either direction, in any phase; other transfers and the connection carry on. */
  cancel(id: string): void {
    this.transfers.get(id)?.cancel();
  }

  get(id: string): TransferSnapshot | undefined {
    return this.transfers.get(id)?.snapshot();
  }

  list(): TransferSnapshot[] {
    return [...this.transfers.values()].map((transfer) => transfer.snapshot());
  }

  /** Removes a finished transfer from list(); false while it is still running. */
  forget(id: string): boolean {
    if (!this.transfers.get(id)?.finished) return false;
    this.lastProgressAtMs.delete(id);
    return this.transfers.delete(id);
  }

  /** A transfer message from the peer, already validated by parseTransferMessage. */
  handleMessage(message: TransferMessage): void {
    const transfer = this.transfers.get(message.id);
    if (message.type === 'file-offer') {
      if (transfer) return; // a reused id is ignored: ids must name one transfer on both sides
      const { id, name, size, mimeType } = message;
      if (this.unansweredOffers() >= MAX_UNANSWERED_OFFERS) return this.options.send({ type: 'file-decline', id });
      const incoming = new IncomingTransfer(id, { name, size, mimeType }, this.hooksFor(() => incoming));
      this.transfers.set(id, incoming);
      this.fire('change', incoming);
      this.fire('offer', incoming);
      return;
    }
    if (!transfer) return;
    if (message.type === 'file-cancel' || message.type === 'file-failed') return transfer.handlePeerEnd(message);
    if (!(transfer instanceof OutgoingTransfer)) return;
    if (message.type === 'file-accept') {
      if (transfer.handleAccept(message.resumeFrom)) this.sendQueue.add(transfer);
    } else {
      transfer.handlePeerAnswer(message);
    }
  }

  /** A data channel the peer opened (pc.ondatachannel). False when it is not a file channel. */
  handleChannel(channel: FileChannel): boolean {
    const id = transferIdOfLabel(channel.label);
    if (id === undefined) return false;
    const transfer = this.transfers.get(id);
    if (transfer instanceof IncomingTransfer) transfer.handleChannel(channel);
    else channel.close();
    return true;
  }

  /** The connection ended: every unfinished transfer fails, sinks are aborted. */
  close(): void {
    this.sendQueue.clear();
    for (const transfer of this.transfers.values()) transfer.fail('connection-closed', 'the connection ended');
  }

  private unansweredOffers(): number {
    let count = 0;
    for (const transfer of this.transfers.values()) {
      if (transfer.direction === 'incoming' && transfer.state.phase === 'offered') count++;
    }
    return count;
  }

  private hooksFor(transfer: () => Transfer): TransferHooks {
    const interval = this.options.progressIntervalMs ?? 500;
    return {
      send: (message) => {
        try {
          this.options.send(message);
        } catch {
          // The control channel is closing; the session's end will call close().
        }
      },
      now: this.now,
      closeGraceMs: this.options.closeGraceMs ?? 3000,
      changed: () => this.fire('change', transfer()),
      progressed: () => {
        const { id } = transfer();
        const now = this.now();
        if (now - (this.lastProgressAtMs.get(id) ?? -Infinity) < interval) return;
        this.lastProgressAtMs.set(id, now);
        this.fire('progress', transfer());
      },
    };
  }

  private newId(): string {
    const create = this.options.createId ?? (() => crypto.randomUUID());
    let id = create();
    while (this.transfers.has(id)) id = create();
    return id;
  }

  private fire(type: keyof TransferManagerEventMap, transfer: Transfer): void {
    this.emit(type, new TransferEvent(type, transfer.snapshot()));
  }
}
