import type { FileInfo, FileSource, SinkFactory } from '../../src/core/transfer/file-sink.ts';
import { TransferEvent } from '../../src/core/transfer/transfer-event.ts';
import type { TransferManager } from '../../src/core/transfer/transfer-manager.ts';
import type { TransferSnapshot, TransferState } from '../../src/core/transfer/transfer-state.ts';

/** Everything of TransferManager that the UI may call; the fake must offer all of it. */
type TransfersSurface = Pick<
  TransferManager,
  'list' | 'get' | 'offerFiles' | 'accept' | 'decline' | 'cancel' | 'declinedOffers' | 'removedFromList' | 'refusedChannels'
>;

/**
 * A TransferManager for component tests: it holds snapshots that the test moves from state to
 * state (firing the manager's typed events), and records what the user asked for.
 */
export class FakeTransfers extends EventTarget implements TransfersSurface {
  readonly requests: string[] = [];
  /** The sink factory handed over with each accept, by transfer id. */
  readonly sinks = new Map<string, SinkFactory>();
  declinedOffers = 0;
  removedFromList = 0;
  refusedChannels = 0;
  private readonly transfers = new Map<string, TransferSnapshot>();
  private count = 0;

  /** TransferManager has private state, so a fake passes for it only through this one cast. */
  get asManager(): TransferManager {
    return this as unknown as TransferManager;
  }

  list(): TransferSnapshot[] {
    return [...this.transfers.values()];
  }

  get(id: string): TransferSnapshot | undefined {
    return this.transfers.get(id);
  }

  offerFiles(files: readonly FileSource[]): string[] {
    return files.map((file) => {
      this.requests.push(`offer ${file.name}`);
      return this.add('outgoing', { name: file.name, size: file.size, mimeType: file.type });
    });
  }

  async accept(id: string, createSink: SinkFactory): Promise<void> {
    this.requests.push(`accept ${id}`);
    this.sinks.set(id, createSink);
    this.move(id, { phase: 'waiting' });
  }

  decline(id: string): void {
    this.requests.push(`decline ${id}`);
    this.move(id, { phase: 'declined', by: 'me' });
  }

  cancel(id: string): void {
    this.requests.push(`cancel ${id}`);
    this.move(id, { phase: 'canceled', by: 'me' });
  }

  /** The other device offers a file: 'change', then 'offer', as the manager fires them. */
  peerOffers(file: FileInfo): string {
    const id = this.add('incoming', file);
    this.fire('offer', id);
    return id;
  }

  move(id: string, state: TransferState): void {
    this.transfers.set(id, { ...this.transfers.get(id)!, state });
    this.fire('change', id);
  }

  /** The bounds refused or removed something: the counters change and 'counts' fires. */
  counted(counts: Partial<Pick<FakeTransfers, 'declinedOffers' | 'removedFromList' | 'refusedChannels'>>): void {
    Object.assign(this, counts);
    this.dispatchEvent(new Event('counts'));
  }

  /** The manager dropped a finished entry from its list. */
  drop(id: string): void {
    this.transfers.delete(id);
    this.removedFromList++;
    this.dispatchEvent(new Event('counts'));
  }

  progress(id: string, bytesDone: number, bytesPerSecond = 0, secondsLeft?: number): void {
    const transfer = this.transfers.get(id)!;
    this.transfers.set(id, { ...transfer, progress: { ...transfer.progress, bytesDone, bytesPerSecond, secondsLeft } });
    this.fire('progress', id);
  }

  private add(direction: TransferSnapshot['direction'], file: FileInfo): string {
    const id = `${direction}-${++this.count}`;
    const progress = { bytesDone: 0, total: file.size, bytesPerSecond: 0, secondsLeft: undefined };
    this.transfers.set(id, { id, direction, file, state: { phase: 'offered' }, progress, resumeFrom: 0, bytesResent: 0 });
    this.fire('change', id);
    return id;
  }

  private fire(type: 'offer' | 'change' | 'progress', id: string): void {
    this.dispatchEvent(new TransferEvent(type, this.transfers.get(id)!));
  }
}
