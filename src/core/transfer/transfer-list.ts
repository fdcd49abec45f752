import type { IncomingTransfer } from './incoming-transfer.ts';
import type { OutgoingTransfer } from './outgoing-transfer.ts';

export type Transfer = OutgoingTransfer | IncomingTransfer;

/**
 * The manager's transfers, at most maxEntries of them once some have finished (MAX_LISTED_TRANSFERS):
 * past it the oldest finished entry goes, one with nothing to save first (declined, canceled, failed,
 * sent), a received verified file only when no other is left. Unfinished transfers always stay.
 * Finished entries are kept in finishing order, so no insertion scans the list.
 */
export class TransferList {
  private readonly entries = new Map<string, Transfer>();
  private readonly finishedPlain = new Set<string>();
  private readonly finishedReceived = new Set<string>();
  /** Finished entries removed to stay within the bound. */
  removedCount = 0;

  constructor(
    private readonly maxEntries: number,
    /** trimmed: removed to stay within the bound, not forgotten on request. */
    private readonly onRemoved: (id: string, trimmed: boolean) => void,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get(id: string): Transfer | undefined {
    return this.entries.get(id);
  }

  values(): IterableIterator<Transfer> {
    return this.entries.values();
  }

  add(transfer: Transfer): void {
    this.entries.set(transfer.id, transfer);
    this.trim();
  }

  /** Called on each change of a transfer; a newly finished one becomes removable. */
  changed(transfer: Transfer): void {
    const { id } = transfer;
    if (!transfer.finished || this.entries.get(id) !== transfer) return;
    if (this.finishedPlain.has(id) || this.finishedReceived.has(id)) return;
    const received = transfer.direction === 'incoming' && transfer.state.phase === 'verified';
    (received ? this.finishedReceived : this.finishedPlain).add(id);
    this.trim();
  }

  /** Removes a finished transfer; false while it is still running. */
  forget(id: string): boolean {
    if (!this.entries.get(id)?.finished) return false;
    this.remove(id, false);
    return true;
  }

  private trim(): void {
    while (this.entries.size > this.maxEntries) {
      const oldest = first(this.finishedPlain) ?? first(this.finishedReceived);
      if (oldest === undefined) return;
      this.removedCount++;
      this.remove(oldest, true);
    }
  }

  private remove(id: string, trimmed: boolean): void {
    this.entries.delete(id);
    this.finishedPlain.delete(id);
    this.finishedReceived.delete(id);
    this.onRemoved(id, trimmed);
  }
}

function first(set: Set<string>): string | undefined {
  return set.values().next().value;
}
