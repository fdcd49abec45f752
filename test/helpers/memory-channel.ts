import type { FileChannel } from '../../src/core/transfer/file-channel.ts';

export type MessageData = string | ArrayBuffer;

export interface MemoryChannelOptions {
  /** Bytes that leave a send queue per drain tick: the "link speed". */
  readonly drainBytesPerTick?: number;
  /** Milliseconds between drain ticks (setTimeout). */
  readonly drainIntervalMs?: number;
  /**
   * Sees every message that the pair's first channel (the opener's end) sends, as it leaves the
   * queue, and returns what arrives instead: [] drops it, two copies duplicate it, a copy with a
   * flipped byte corrupts it. index counts that channel's messages from 0.
   */
  readonly tamper?: (data: MessageData, index: number) => MessageData[];
}

/**
 * One end of an in-memory, ordered, reliable data channel modelled on RTCDataChannel: send()
 * copies the message and adds it to bufferedAmount; the queue drains asynchronously at a set rate,
 * firing 'bufferedamountlow' when it falls to the threshold; messages reach the other end in order,
 * as an ArrayBuffer or (binaryType 'blob', the spec's default) a Blob. close() on either end closes
 * both and discards what is still queued: the worst case that a protocol must survive.
 */
export class MemoryChannel extends EventTarget implements FileChannel {
  readyState: RTCDataChannelState = 'connecting';
  bufferedAmount = 0;
  bufferedAmountLowThreshold = 0;
  binaryType: BinaryType = 'blob';
  /** Highest bufferedAmount ever seen, for backpressure assertions. */
  maxBufferedAmount = 0;
  /** Bytes ever passed to send(). */
  bytesSent = 0;
  messagesSent = 0;
  peer!: MemoryChannel;
  private queue: { data: MessageData; bytes: number }[] = [];
  private draining = false;

  constructor(
    readonly label: string,
    private readonly options: MemoryChannelOptions,
    private readonly tampers: boolean,
  ) {
    super();
  }

  send(data: string | ArrayBuffer | Uint8Array<ArrayBuffer>): void {
    if (this.readyState !== 'open') throw new DOMException(`channel is ${this.readyState}`, 'InvalidStateError');
    const copy = typeof data === 'string' ? data : data instanceof ArrayBuffer ? data.slice(0) : data.slice().buffer;
    const bytes = typeof copy === 'string' ? new TextEncoder().encode(copy).byteLength : copy.byteLength;
    this.queue.push({ data: copy, bytes });
    this.bufferedAmount += bytes;
    this.maxBufferedAmount = Math.max(this.maxBufferedAmount, this.bufferedAmount);
    this.bytesSent += bytes;
    this.scheduleDrain();
  }

  close(): void {
    if (this.readyState === 'closing' || this.readyState === 'closed') return;
    // An end that never found its peer (a connection that never linked up) closes alone.
    const ends = this.peer ? [this, this.peer] : [this];
    for (const end of ends) {
      end.readyState = 'closing';
      end.queue = [];
    }
    setTimeout(() => {
      for (const end of ends) {
        end.readyState = 'closed';
        end.dispatchEvent(new Event('close'));
      }
    });
  }

  /** Called by createMemoryChannelPair. */
  open(): void {
    if (this.readyState !== 'connecting') return;
    this.readyState = 'open';
    this.dispatchEvent(new Event('open'));
  }

  private scheduleDrain(): void {
    if (this.draining) return;
    this.draining = true;
    setTimeout(() => this.drainTick(), this.options.drainIntervalMs ?? 0);
  }

  private drainTick(): void {
    this.draining = false;
    let budget = this.options.drainBytesPerTick ?? 256 * 1024;
    while (this.queue.length > 0 && budget > 0 && this.readyState === 'open') {
      const { data, bytes } = this.queue.shift()!;
      budget -= bytes;
      const before = this.bufferedAmount;
      this.bufferedAmount -= bytes;
      const index = this.messagesSent++;
      const arriving = this.tampers && this.options.tamper ? this.options.tamper(data, index) : [data];
      for (const message of arriving) this.peer.deliver(message);
      if (before > this.bufferedAmountLowThreshold && this.bufferedAmount <= this.bufferedAmountLowThreshold) {
        this.dispatchEvent(new Event('bufferedamountlow'));
      }
    }
    if (this.queue.length > 0) this.scheduleDrain();
  }

  private deliver(data: MessageData): void {
    if (this.readyState !== 'open') return;
    const asDelivered = typeof data !== 'string' && this.binaryType === 'blob' ? new Blob([data]) : data;
    this.dispatchEvent(new MessageEvent('message', { data: asDelivered }));
  }
}

/** Both ends of a channel; they open together on a later tick, as after the DCEP handshake. */
export function createMemoryChannelPair(label: string, options: MemoryChannelOptions = {}): [MemoryChannel, MemoryChannel] {
  const opener = new MemoryChannel(label, options, true);
  const accepter = new MemoryChannel(label, options, false);
  opener.peer = accepter;
  accepter.peer = opener;
  setTimeout(() => {
    opener.open();
    accepter.open();
  });
  return [opener, accepter];
}
