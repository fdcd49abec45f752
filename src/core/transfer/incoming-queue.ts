import type { AcceptOptions, SinkFactory } from './file-sink.ts';
import type { IncomingTransfer } from './incoming-transfer.ts';

interface Waiting {
  readonly transfer: IncomingTransfer;
  readonly createSink: SinkFactory;
  readonly options: AcceptOptions | undefined;
}

/**
 * Admission for incoming files (transfer-limits.ts). `pending` counts offers not yet answered and
 * accepted files waiting their turn, so the flood check costs nothing per offer; at most maxActive
 * files are asked for at once, the rest wait here in the order they were accepted.
 */
export class IncomingQueue {
  private readonly pending = new Set<string>();
  private readonly active = new Set<IncomingTransfer>();
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly maxActive: number,
    private readonly maxPending: number,
    private readonly start: (transfer: IncomingTransfer, createSink: SinkFactory, options?: AcceptOptions) => Promise<void>,
  ) {}

  /** Whether another offer may be listed; past maxPending it is declined instead. */
  hasRoomForOffer(): boolean {
    return this.pending.size < this.maxPending;
  }

  offered(transfer: IncomingTransfer): void {
    this.pending.add(transfer.id);
  }

  /** The user accepted: it starts now if a slot is free (resolving once asked for), else waits (phase waiting, queued). */
  async accept(transfer: IncomingTransfer, createSink: SinkFactory, options?: AcceptOptions): Promise<void> {
    if (transfer.state.phase !== 'offered') return;
    if (this.active.size < this.maxActive) return this.begin({ transfer, createSink, options });
    this.waiting.set(transfer.id, { transfer, createSink, options });
    transfer.enqueue();
  }

  /** Called on each change of an incoming transfer: frees what it no longer needs. */
  changed(transfer: IncomingTransfer): void {
    if (transfer.state.phase !== 'offered' && !transfer.queued) this.pending.delete(transfer.id);
    if (transfer.finished) this.waiting.delete(transfer.id);
    if (this.active.has(transfer) && (transfer.finished || transfer.allBytesArrived)) {
      this.active.delete(transfer);
      this.next();
    }
  }

  clear(): void {
    this.waiting.clear();
    this.active.clear();
    this.pending.clear();
  }

  private next(): void {
    for (const entry of this.waiting.values()) {
      if (this.active.size >= this.maxActive) return;
      this.waiting.delete(entry.transfer.id);
      if (entry.transfer.queued) void this.begin(entry);
    }
  }

  private begin({ transfer, createSink, options }: Waiting): Promise<void> {
    this.active.add(transfer);
    this.pending.delete(transfer.id);
    return this.start(transfer, createSink, options);
  }
}
