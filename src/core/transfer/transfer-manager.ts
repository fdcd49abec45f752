import { TypedEventTarget } from '../events/typed-event-target.ts';
import { transferIdOfLabel, type FileChannel } from './file-channel.ts';
import type { FileSource, SinkFactory } from './file-sink.ts';
import { resolveSendTuning } from './flow-control.ts';
import { cleanFileName } from './file-name.ts';
import { IncomingQueue } from './incoming-queue.ts';
import { IncomingTransfer, type AcceptOptions } from './incoming-transfer.ts';
import { OutgoingTransfer } from './outgoing-transfer.ts';
import { ProgressThrottle } from './progress-meter.ts';
import { SendQueue } from './send-queue.ts';
import { TransferEvent, type TransferManagerEventMap } from './transfer-event.ts';
import * as limits from './transfer-limits.ts';
import { TransferList, type Transfer } from './transfer-list.ts';
import type { TransferMessage } from './transfer-messages.ts';
import type { TransferHooks, TransferManagerOptions, TransferPort } from './transfer-options.ts';
import type { TransferSnapshot } from './transfer-state.ts';

export type { TransferManagerOptions, TransferPort } from './transfer-options.ts';

/**
 * The file transfers of one conversation, both directions, across its links: connect() binds a
 * new link, disconnect() pauses what runs, resume() picks it up on a link that continues the
 * conversation. The UI feeds it the peer's transfer control messages and file channels, and
 * drives it with offerFiles / accept / decline / cancel.
 * Fires 'offer' for each incoming file (accept from the listener to accept automatically),
 * 'change' on every state change, 'progress' at most every progressIntervalMs per transfer, and
 * 'counts' when a counter of what the bounds refused grows. Every bound is in transfer-limits.ts.
 */
export class TransferManager extends TypedEventTarget<TransferManagerEventMap> {
  private readonly transfers: TransferList;
  private readonly incoming: IncomingQueue;
  private readonly sendQueue: SendQueue;
  /** Offers declined on this page's own because too many were pending (MAX_PENDING_INCOMING). */
  declinedOffers = 0;
  /** Data channels the peer opened that belonged to no file this page asked for, closed at once. */
  refusedChannels = 0;
  private readonly now: () => number;
  private readonly throttle: ProgressThrottle;
  private port: TransferPort | undefined;

  constructor(private readonly options: TransferManagerOptions) {
    super();
    this.now = options.now ?? (() => performance.now());
    this.throttle = new ProgressThrottle(options.progressIntervalMs ?? 500, this.now);
    this.transfers = new TransferList(limits.MAX_LISTED_TRANSFERS, (id, trimmed) => {
      this.throttle.forget(id);
      if (trimmed) this.emit('counts', new Event('counts'));
    });
    this.incoming = new IncomingQueue(limits.MAX_ACTIVE_INCOMING, limits.MAX_PENDING_INCOMING, async (transfer, createSink, options) => {
      await transfer.accept(createSink, options);
      if (!this.port) transfer.pause(); // accepted while the link is down: asked for on resume
    });
    const { send, openChannel, maxMessageSize } = options;
    if (send && openChannel) this.port = { send, openChannel, maxMessageSize };
    this.sendQueue = new SendQueue(options.maxParallelSends ?? 1, async (transfer) => {
      if (!this.port) return transfer.pause();
      // Tuning is read per file: maxMessageSize is known only once SCTP is up.
      await transfer.run(this.port.openChannel, resolveSendTuning(options, this.port.maxMessageSize?.()));
    });
  }

  /** A new link: messages and file channels go over it from now on. */
  connect(port: TransferPort): void {
    this.port = port;
  }

  /** The link is gone: running transfers pause, keeping what they hold; offers stay offered. */
  disconnect(): void {
    this.port = undefined;
    this.sendQueue.clear();
    for (const transfer of this.transfers.values()) transfer.pause();
  }

  /**
   * The new link continues the conversation. Receivers ask for the rest of what they accepted,
   * senders offer again what may never have arrived (a receiver ignores an offer it knows), and
   * whoever finished a transfer meanwhile repeats its last word when the peer re-offers or re-accepts.
   */
  resume(): void {
    for (const transfer of this.transfers.values()) {
      if (transfer instanceof IncomingTransfer) void transfer.resume();
      else if (transfer.state.phase === 'offered' || transfer.state.phase === 'interrupted') this.send(transfer.offer);
    }
  }

  /**
   * Offers each file to the peer; returns their transfer ids in the same order. Check each with
   * offerRefusal() first: a file it refuses throws a RangeError here, before anything is offered.
   */
  offerFiles(files: readonly FileSource[]): string[] {
    const refused = files.find((source) => limits.offerRefusal(source));
    if (refused) throw new RangeError(`cannot offer ${JSON.stringify(refused.name.slice(0, 80))}: ${limits.offerRefusal(refused)}`);
    return files.map((source) => {
      const transfer = new OutgoingTransfer(this.newId(), source, this.hooksFor(() => transfer));
      this.transfers.add(transfer);
      this.send(transfer.offer);
      this.fire('change', transfer);
      return transfer.id;
    });
  }

  /**
   * Accepts an incoming file; resolves once the acceptance is sent (or the transfer ended), or at
   * once when it has to wait its turn (MAX_ACTIVE_INCOMING). The sink is created only when the
   * sender opens the file's channel.
   */
  async accept(id: string, createSink: SinkFactory, options?: AcceptOptions): Promise<void> {
    const transfer = this.transfers.get(id);
    if (!(transfer instanceof IncomingTransfer)) return;
    const held = options?.resumeWith?.size ?? 0;
    if (held > transfer.file.size) throw new RangeError(`resumeWith holds ${held} bytes, the file has ${transfer.file.size}`);
    await this.incoming.accept(transfer, createSink, options);
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

  /** At most MAX_LISTED_TRANSFERS entries once some finished, oldest first. */
  list(): TransferSnapshot[] {
    return [...this.transfers.values()].map((transfer) => transfer.snapshot());
  }

  /** Finished transfers taken off list() to keep it within MAX_LISTED_TRANSFERS. */
  get removedFromList(): number {
    return this.transfers.removedCount;
  }

  /** Removes a finished transfer from list(); false while it is still running. */
  forget(id: string): boolean {
    return this.transfers.forget(id);
  }

  /** A transfer message from the peer, already validated by parseTransferMessage. */
  handleMessage(message: TransferMessage): void {
    const transfer = this.transfers.get(message.id);
    if (message.type === 'file-offer') {
      // A known id is the sender offering again after a reconnect (or a reused id): never a second transfer.
      if (transfer) return transfer.repeatFinalWord();
      const { id, name, size, mimeType } = message;
      if (!this.incoming.hasRoomForOffer()) return this.declineBusy(id);
      const incoming = new IncomingTransfer(id, { name: cleanFileName(name), size, mimeType }, this.hooksFor(() => incoming));
      this.incoming.offered(incoming);
      this.transfers.add(incoming);
      this.fire('change', incoming);
      this.fire('offer', incoming);
      return;
    }
    if (!transfer) return;
    if (message.type === 'file-cancel' || message.type === 'file-failed') return transfer.handlePeerEnd(message);
    if (!(transfer instanceof OutgoingTransfer)) return;
    if (message.type === 'file-accept') {
      if (transfer.finished) transfer.repeatFinalWord();
      else if (transfer.handleAccept(message.resumeFrom)) this.sendQueue.add(transfer);
    } else {
      transfer.handlePeerAnswer(message);
    }
  }

  /**
   * A data channel the peer opened (pc.ondatachannel). Only the channel of a file this page asked
   * for is kept (true); any other is closed at once and counted, so a peer opening hundreds of
   * channels leaves nothing behind (MAX_PEER_FILE_CHANNELS).
   */
  handleChannel(channel: FileChannel): boolean {
    const id = transferIdOfLabel(channel.label);
    const transfer = id === undefined ? undefined : this.transfers.get(id);
    if (transfer instanceof IncomingTransfer && transfer.handleChannel(channel)) return true;
    channel.close();
    this.refusedChannels++;
    this.emit('counts', new Event('counts'));
    return false;
  }

  /** The conversation ended: every unfinished transfer fails (telling nobody), sinks are aborted. */
  close(): void {
    this.sendQueue.clear();
    this.incoming.clear();
    for (const transfer of this.transfers.values()) transfer.fail('connection-closed', 'the connection ended');
  }

  private declineBusy(id: string): void {
    this.send({ type: 'file-decline', id, reason: 'busy' });
    this.declinedOffers++;
    this.emit('counts', new Event('counts'));
  }

  private hooksFor(transfer: () => Transfer): TransferHooks {
    return {
      send: (message) => this.send(message),
      now: this.now,
      closeGraceMs: this.options.closeGraceMs ?? 3000,
      idleTimeoutMs: this.options.idleTimeoutMs ?? limits.TRANSFER_IDLE_TIMEOUT_MS,
      changed: () => {
        const changed = transfer();
        if (changed instanceof IncomingTransfer) this.incoming.changed(changed);
        this.transfers.changed(changed);
        this.fire('change', changed);
      },
      progressed: () => {
        if (this.throttle.due(transfer().id)) this.fire('progress', transfer());
      },
    };
  }

  private send(message: TransferMessage): void {
    try {
      this.port?.send(message);
    } catch {
      // The control channel is closing; disconnect() follows.
    }
  }

  private newId(): string {
    const create = this.options.createId ?? (() => crypto.randomUUID());
    let id = create();
    while (this.transfers.has(id)) id = create();
    return id;
  }

  private fire(type: 'offer' | 'change' | 'progress', transfer: Transfer): void {
    this.emit(type, new TransferEvent(type, transfer.snapshot()));
  }
}
