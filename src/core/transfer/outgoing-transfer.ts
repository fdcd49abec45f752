import { fileChannelLabel, type FileChannel, type OpenFileChannel } from './file-channel.ts';
import { FileDigest } from './file-digest.ts';
import type { FileSource } from './file-sink.ts';
import { hasRoomFor, lowThresholdFor, type SendTuning } from './flow-control.ts';
import { readIntoFrames } from './frame-reader.ts';
import { decodeFrame, encodeEndFrame, FRAME_HEADER_BYTES, writeDataHeader } from './frames.ts';
import { ProgressMeter } from './progress-meter.ts';
import { TransferBase } from './transfer-base.ts';
import type { TransferHooks } from './transfer-options.ts';
import type { TransferMessage } from './transfer-messages.ts';

/**
 * Sends one file: after the peer accepts, opens the file's channel, streams data frames from the
 * resume point with backpressure, then an end frame with the file's digest (file-digest.ts), and
 * waits for the receiver's verdict. Of the file, only one frame and what the stream has buffered
 * are ever in memory. After a pause the peer accepts again, from what it wrote, on a new channel.
 */
export class OutgoingTransfer extends TransferBase {
  readonly direction = 'outgoing';
  /** Bytes the receiver reported written; progress counts these, not bytes merely queued. */
  private ackedOffset = 0;
  private sentOffset = 0;
  /** The furthest any attempt sent: bytes below it sent again count as resent. */
  private furthestSent = 0;
  /** The receiver may have verified the file even if its word was lost with the link. */
  private endFrameSent = false;
  private readonly handleMessage = (event: Event): void => this.receiveFrame((event as MessageEvent).data);
  private readonly handleWake = (): void => this.wake();

  constructor(
    id: string,
    private readonly source: FileSource,
    hooks: TransferHooks,
  ) {
    super(id, { name: source.name, size: source.size, mimeType: source.type }, hooks);
  }

  get offer(): TransferMessage {
    const { name, size, mimeType } = this.file;
    return { type: 'file-offer', id: this.id, name, size, mimeType };
  }

  /** The peer accepted; the transfer waits for a send slot. False if the resume point is impossible. */
  handleAccept(resumeFrom: number): boolean {
    if (this.state.phase !== 'offered' && this.state.phase !== 'interrupted') return false;
    if (resumeFrom > this.file.size) {
      this.fail('protocol', `resume from ${resumeFrom} is beyond the file's ${this.file.size} bytes`);
      return false;
    }
    this.resumeFrom = this.ackedOffset = this.sentOffset = resumeFrom;
    this.meter = new ProgressMeter(this.file.size, resumeFrom);
    this.setState({ phase: 'waiting' });
    return true;
  }

  handlePeerAnswer(message: TransferMessage): void {
    if (message.type === 'file-decline' && this.state.phase === 'offered') {
      this.finish(message.reason === 'busy' ? { phase: 'declined', by: 'peer', busy: true } : { phase: 'declined', by: 'peer' });
    }
    const awaitingVerdict = this.state.phase === 'verifying' || (this.state.phase === 'interrupted' && this.endFrameSent);
    if (message.type === 'file-verified' && awaitingVerdict) {
      this.meter.update(this.file.size, this.hooks.now());
      this.finish({ phase: 'verified' });
    }
  }

  /** Runs until the end frame is queued or the transfer ends or pauses; the send slot is free when it resolves. */
  async run(openChannel: OpenFileChannel, tuning: SendTuning): Promise<void> {
    if (this.state.phase !== 'waiting') return;
    const attempt = this.attempt;
    let channel: FileChannel;
    try {
      channel = openChannel(fileChannelLabel(this.id));
    } catch (error) {
      return this.fail('channel-closed', `could not open a file channel: ${String(error)}`);
    }
    this.attachChannel(channel, { open: this.handleWake, bufferedamountlow: this.handleWake, message: this.handleMessage });
    this.idle.restart('the file channel to open');
    channel.bufferedAmountLowThreshold = lowThresholdFor(tuning, FRAME_HEADER_BYTES + tuning.chunkBytes);
    if (!(await this.until(() => channel.readyState === 'open'))) return;
    const hash = new FileDigest();
    // The digest covers the whole file, so a resumed transfer hashes the part it does not send.
    const hashPrefix = async (bytes: Uint8Array<ArrayBuffer>) => (hash.update(bytes), this.idle.restart('acknowledgements'), true);
    if (!(await this.readFile(0, this.resumeFrom, tuning.chunkBytes, attempt, hashPrefix))) return;
    this.setState({ phase: 'sending' });
    this.meter.update(this.resumeFrom, this.hooks.now());
    // The file is read straight into the payload area of one frame buffer, which send() copies.
    const send = (payload: Uint8Array<ArrayBuffer>) => this.sendFrame(payload, hash, tuning);
    if (!(await this.readFile(this.resumeFrom, this.file.size, tuning.chunkBytes, attempt, send))) return;
    let digest: Uint8Array;
    try {
      digest = await hash.digest();
    } catch (error) {
      return this.fail('read-error', `could not compute the file's digest: ${String(error)}`);
    }
    if (this.stopped(attempt) || !this.send(encodeEndFrame(this.file.size, digest))) return;
    this.endFrameSent = true;
    this.idle.restart('the verdict on the file');
    this.setState({ phase: 'verifying' });
  }

  protected pausable(): boolean {
    return this.state.phase === 'waiting' || this.state.phase === 'sending' || this.state.phase === 'verifying';
  }

  /** False if the transfer ended or paused meanwhile, or the file could not be read (then it failed). */
  private async readFile(
    start: number,
    end: number,
    chunkBytes: number,
    attempt: number,
    onPayload: (payload: Uint8Array<ArrayBuffer>) => Promise<boolean>,
  ): Promise<boolean> {
    const outcome = await readIntoFrames(this.source, start, end, chunkBytes, () => this.stopped(attempt), onPayload);
    if (typeof outcome === 'object') this.fail('read-error', outcome.error);
    return outcome === 'done';
  }

  /** Sends payload, which sits after room for the frame header in its buffer, once there is room for it. */
  private async sendFrame(payload: Uint8Array<ArrayBuffer>, hash: FileDigest, tuning: SendTuning): Promise<boolean> {
    const channel = this.channel!;
    const payloadBytes = payload.byteLength;
    const payloadEnd = this.sentOffset + payloadBytes;
    const frameBytes = FRAME_HEADER_BYTES + payloadBytes;
    hash.update(payload);
    const frame = new Uint8Array(payload.buffer, payload.byteOffset - FRAME_HEADER_BYTES, frameBytes);
    const room = (): boolean => hasRoomFor(frameBytes, payloadEnd, this.ackedOffset, channel.bufferedAmount, tuning.highWaterMarkBytes);
    if (!(await this.until(room))) return false;
    if (!this.send(writeDataHeader(frame, this.sentOffset, payloadBytes))) return false;
    this.bytesResent += Math.max(0, Math.min(payloadEnd, this.furthestSent) - this.sentOffset);
    this.furthestSent = Math.max(this.furthestSent, payloadEnd);
    this.sentOffset = payloadEnd;
    this.idle.restart('acknowledgements');
    return true;
  }

  private send(frame: Uint8Array<ArrayBuffer>): boolean {
    if (this.finished || this.channelLost) return false;
    try {
      this.channel!.send(frame);
      return true;
    } catch (error) {
      // Throws InvalidStateError once closing (treated like a close), OperationError if the queue is full.
      if (this.channel!.readyState !== 'open') this.loseChannel();
      else this.fail('channel-closed', `the file channel refused a frame: ${String(error)}`);
      return false;
    }
  }

  /** Only acks come back on a file channel; each must move forward and stay within what was sent. */
  private receiveFrame(data: unknown): void {
    if (this.finished) return;
    const frame = decodeFrame(data);
    if (!frame.ok) return this.fail('protocol', `bad frame from the receiver: ${frame.error.detail}`);
    if (frame.value.kind !== 'ack') return this.fail('protocol', `unexpected ${frame.value.kind} frame from the receiver`);
    const { offset } = frame.value;
    if (offset < this.ackedOffset || offset > this.sentOffset) return this.fail('protocol', `ack of ${offset} out of range`);
    this.ackedOffset = offset;
    this.idle.restart();
    this.meter.update(offset, this.hooks.now());
    this.hooks.progressed();
    this.wake();
  }
}
