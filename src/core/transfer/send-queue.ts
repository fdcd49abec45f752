import type { OutgoingTransfer } from './outgoing-transfer.ts';

/**
 * Accepted outgoing files wait here for a send slot. With one slot (the default) files are sent in
 * the order they were accepted and share no bandwidth; a slot is free again once a file's end
 * frame is queued, so the next file starts while the previous one is still being verified (and a
 * tiny next file may be verified first).
 */
export class SendQueue {
  private readonly waiting: OutgoingTransfer[] = [];
  private active = 0;

  constructor(
    private readonly maxParallel: number,
    private readonly start: (transfer: OutgoingTransfer) => Promise<void>,
  ) {}

  add(transfer: OutgoingTransfer): void {
    this.waiting.push(transfer);
    this.pump();
  }

  clear(): void {
    this.waiting.length = 0;
  }

  private pump(): void {
    while (this.active < this.maxParallel && this.waiting.length > 0) {
      const transfer = this.waiting.shift()!;
      if (transfer.finished) continue;
      this.active++;
      void this.start(transfer).finally(() => {
        this.active--;
        this.pump();
      });
    }
  }
}
