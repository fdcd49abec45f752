import type { FileChannel } from './file-channel.ts';
import { digestsEqual, FileDigest } from './file-digest.ts';
import { forEachWindow, type AcceptOptions, type FileInfo, type SinkFactory } from './file-sink.ts';
import { LazySink } from './lazy-sink.ts';

export type { AcceptOptions } from './file-sink.ts';
import { ACK_INTERVAL_BYTES, ACK_MAX_DELAY_MS, RECEIVE_WINDOW_BYTES } from './flow-control.ts';
import { decodeFrame, encodeAckFrame } from './frames.ts';
import { ProgressMeter } from './progress-meter.ts';
import { TransferBase } from './transfer-base.ts';
import type { TransferHooks } from './transfer-options.ts';

/**
 * Receives one file: its sink is created only once the sender opened the file's channel (a peer
 * that is accepted and never sends costs nothing but an entry); then it checks that every frame
 * continues exactly where the last one ended, writes to the sink one chunk at a time,
 * acknowledges the bytes the sink took (file-sink.ts), and on the end frame compares the
 * sender's digest (file-digest.ts) with its own. The sink is closed only when they match. A
 * pause keeps the sink and the digest so far; resume() then asks the sender for the rest.
 */
export class IncomingTransfer extends TransferBase {
  readonly direction = 'incoming';
  private sink: LazySink | undefined;
  private hash: FileDigest | undefined;
  /** End of the bytes that arrived / were written / were acknowledged. */
  private receivedOffset = 0;
  private writtenOffset = 0;
  private ackedOffset = 0;
  private lastAckAtMs = 0;
  /** After the end frame only the verdict is left, which needs no link: a pause leaves it be. */
  private endArrived = false;
  /** Sink writes run one after another; a chain of promises that never rejects. */
  private writes: Promise<void> = Promise.resolve();
  private readonly handleMessage = (event: Event): void => this.receiveFrame((event as MessageEvent).data);

  constructor(id: string, file: FileInfo, hooks: TransferHooks) {
    super(id, file, hooks);
  }

  /** Accepted by the user, but it waits for its turn (MAX_ACTIVE_INCOMING); accept() follows. */
  enqueue(): void {
    if (this.state.phase === 'offered') this.setState({ phase: 'waiting', queued: true });
  }

  get queued(): boolean {
    return this.state.phase === 'waiting' && this.state.queued === true;
  }

  /** The end frame arrived: no more bytes will come, only the verdict is left. */
  get allBytesArrived(): boolean {
    return this.endArrived;
  }

  /** Asks the sender for the file; the sink is created only when the sender opens the file's channel. */
  async accept(createSink: SinkFactory, options: AcceptOptions = {}): Promise<void> {
    if (this.state.phase !== 'offered' && !this.queued) return;
    const resumeFrom = options.resumeWith?.size ?? 0;
    if (resumeFrom > this.file.size) throw new RangeError(`resumeWith holds ${resumeFrom} bytes, the file has ${this.file.size}`);
    this.setState({ phase: 'waiting' });
    this.sink = new LazySink(createSink, this.file);
    const hash = new FileDigest();
    if (options.resumeWith) {
      try {
        await forEachWindow(options.resumeWith, resumeFrom, options.readWindowBytes ?? 1024 * 1024, (b) => hash.update(b));
      } catch (error) {
        return this.fail('read-error', `could not read the partial file: ${String(error)}`);
      }
    }
    if (this.finished) return;
    this.hash = hash;
    this.writtenOffset = resumeFrom;
    this.meter = new ProgressMeter(this.file.size, resumeFrom);
    this.meter.update(resumeFrom, this.hooks.now());
    this.askForTheRest();
  }

  decline(): void {
    if (this.state.phase !== 'offered') return;
    this.sayFinally({ type: 'file-decline', id: this.id });
    this.finish({ phase: 'declined', by: 'me' });
  }

  /** A new link continues the conversation: an accepted file that is not complete asks for the rest. */
  async resume(): Promise<void> {
    const phase = this.state.phase;
    if (!this.hash || this.channel || this.endArrived || (phase !== 'interrupted' && phase !== 'waiting')) return;
    await this.writes; // what arrived before the pause is still being written; it counts
    if (this.finished || this.channel) return;
    this.setState({ phase: 'waiting' });
    this.askForTheRest();
  }

  /** Accepts from what the sink holds: the sender starts there, on a new channel. */
  private askForTheRest(): void {
    this.resumeFrom = this.receivedOffset = this.ackedOffset = this.writtenOffset;
    this.lastAckAtMs = this.hooks.now();
    this.hooks.send({ type: 'file-accept', id: this.id, resumeFrom: this.writtenOffset });
    this.idle.restart('the sender to open the file channel');
  }

  /** The sender opened this file's channel. False (and the channel is closed) unless it was expected. */
  handleChannel(channel: FileChannel): boolean {
    if (this.state.phase !== 'waiting' || !this.hash || this.channel) {
      channel.close();
      return false;
    }
    this.attachChannel(channel, { message: this.handleMessage });
    this.idle.restart('data');
    this.writes = this.writes.then(() => this.openSink());
    return true;
  }

  private async openSink(): Promise<void> {
    if (this.finished) return;
    try {
      await this.sink!.open();
    } catch (error) {
      this.fail('write-error', `could not create where to save the file: ${String(error)}`);
    }
  }

  protected pausable(): boolean {
    const phase = this.state.phase;
    return !this.endArrived && (phase === 'receiving' || (phase === 'waiting' && this.hash !== undefined));
  }

  private receiveFrame(data: unknown): void {
    if (this.finished || this.channelLost) return;
    const decoded = decodeFrame(data);
    if (!decoded.ok) return this.fail('protocol', `bad frame from the sender: ${decoded.error.detail}`);
    const frame = decoded.value;
    if (frame.kind === 'ack') return this.fail('protocol', 'unexpected ack frame from the sender');
    if (frame.kind === 'end') {
      if (frame.size !== this.file.size || this.receivedOffset !== this.file.size) {
        return this.fail('protocol', `end after ${this.receivedOffset} of ${this.file.size} bytes (sender says ${frame.size})`);
      }
      const expected = frame.sha256.slice();
      this.endArrived = true;
      this.idle.stop(); // only this side's own work is left
      this.writes = this.writes.then(() => this.verify(expected));
      return;
    }
    const end = frame.offset + frame.payload.byteLength;
    if (frame.offset !== this.receivedOffset) {
      return this.fail('protocol', `data at ${frame.offset}, expected ${this.receivedOffset} (reordered, lost or duplicated)`);
    }
    if (end > this.file.size) return this.fail('protocol', `data beyond the offered size of ${this.file.size} bytes`);
    if (end - this.ackedOffset > RECEIVE_WINDOW_BYTES) return this.fail('protocol', 'the sender overran the receive window');
    this.receivedOffset = end;
    this.idle.restart();
    if (this.state.phase === 'waiting') this.setState({ phase: 'receiving' });
    // A view, not a copy: each message event brings its own ArrayBuffer, which nothing else holds.
    const { payload: view } = frame;
    const payload = view.buffer instanceof ArrayBuffer ? (view as Uint8Array<ArrayBuffer>) : view.slice();
    this.writes = this.writes.then(() => this.write(payload));
  }

  private async write(payload: Uint8Array<ArrayBuffer>): Promise<void> {
    if (this.finished) return;
    this.hash!.update(payload);
    const bytes = payload.byteLength; // A sink may transfer the buffer away (detaching it).
    try {
      await this.sink!.write(payload);
    } catch (error) {
      return this.fail('write-error', `could not save: ${String(error)}`);
    }
    if (this.finished) return;
    if (!this.endArrived) this.idle.restart(); // a slow disk holds the sender back; that is not the sender's stall
    this.writtenOffset += bytes;
    const now = this.hooks.now();
    this.meter.update(this.writtenOffset, now);
    this.hooks.progressed();
    const unacked = this.writtenOffset - this.ackedOffset;
    if (unacked >= ACK_INTERVAL_BYTES || now - this.lastAckAtMs >= ACK_MAX_DELAY_MS) this.acknowledge(now);
  }

  private acknowledge(now: number): void {
    if (this.channel?.readyState !== 'open') return;
    try {
      this.channel.send(encodeAckFrame(this.writtenOffset));
    } catch {
      return; // closing: the close event follows and is handled there
    }
    this.ackedOffset = this.writtenOffset;
    this.lastAckAtMs = now;
  }

  private async verify(expected: Uint8Array): Promise<void> {
    if (this.finished) return;
    this.setState({ phase: 'verifying' });
    let actual: Uint8Array;
    try {
      actual = await this.hash!.digest();
    } catch (error) {
      return this.fail('write-error', `could not compute the digest of what arrived: ${String(error)}`);
    }
    if (this.finished) return;
    if (!digestsEqual(actual, expected)) return this.fail('hash-mismatch', 'the received file differs from the sent one');
    try {
      await this.sink!.close();
    } catch (error) {
      return this.fail('write-error', `could not finish saving: ${String(error)}`);
    }
    if (this.finished) return;
    this.sayFinally({ type: 'file-verified', id: this.id });
    this.finish({ phase: 'verified' });
  }

  protected override releaseResources(): void {
    if (this.state.phase !== 'verified') this.sink?.abort();
  }
}
