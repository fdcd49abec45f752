import { listen, type ChannelListeners, type FileChannel } from './file-channel.ts';
import type { FileInfo } from './file-sink.ts';
import { IdleWatch } from './idle-watch.ts';
import { ProgressMeter } from './progress-meter.ts';
import type { FailureReason, TransferMessage } from './transfer-messages.ts';
import type { TransferHooks } from './transfer-options.ts';
import { Wakeup } from './wakeup.ts';
import { isTerminal, type TransferDirection, type TransferSnapshot, type TransferState } from './transfer-state.ts';

/**
 * State, cancel, failure and pause shared by both directions. The control channel and a file channel are
 * separate SCTP streams with no order between them, so a peer's "file-cancel" may arrive after its
 * channel closed. A close is therefore not itself a verdict: the work stops at once, and only if no
 * explanation follows within closeGraceMs does the transfer fail with 'channel-closed'.
 * When the whole link goes, pause() stops the work instead, keeping what each side holds, and a
 * reconnect resumes it on a new channel.
 */
export abstract class TransferBase {
  abstract readonly direction: TransferDirection;
  state: TransferState = { phase: 'offered' };
  protected meter: ProgressMeter;
  protected channel: FileChannel | undefined;
  /** The channel closed, or refused a send: no more bytes move, whatever the state says. */
  protected channelLost = false;
  resumeFrom = 0;
  protected bytesResent = 0;
  /** Bumped by pause(): work begun on an earlier link sees it after its next await and stops. */
  protected attempt = 0;
  /** The terminal message this side sent, said again when the peer shows it never heard it. */
  private finalWord: TransferMessage | undefined;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly wakeup = new Wakeup();
  private unlisten: (() => void) | undefined;
  private readonly handleClose = (): void => this.loseChannel();
  /** Runs only while this side waits for the peer; a pause or the end stops it. */
  protected readonly idle: IdleWatch;

  constructor(
    readonly id: string,
    readonly file: FileInfo,
    protected readonly hooks: TransferHooks,
  ) {
    this.meter = new ProgressMeter(file.size);
    this.idle = new IdleWatch(hooks.idleTimeoutMs, (detail) => this.fail('stalled', detail));
  }

  get finished(): boolean {
    return isTerminal(this.state);
  }

  snapshot(): TransferSnapshot {
    const { id, direction, file, state, resumeFrom, bytesResent } = this;
    return { id, direction, file, state, resumeFrom, bytesResent, progress: this.meter.snapshot() };
  }

  /** The user pressed Cancel. */
  cancel(): void {
    if (this.finished) return;
    this.sayFinally({ type: 'file-cancel', id: this.id });
    this.finish({ phase: 'canceled', by: 'me' });
  }

  /** Handles the peer's file-cancel or file-failed. */
  handlePeerEnd(message: TransferMessage): void {
    if (message.type === 'file-cancel') this.finish({ phase: 'canceled', by: 'peer' });
    if (message.type === 'file-failed') {
      this.finish({ phase: 'failed', reason: message.reason, by: 'peer', detail: 'reported by the other device' });
    }
  }

  /** A failure this side found; connection-closed is not sent, as nobody would hear it. */
  fail(reason: FailureReason, detail: string): void {
    if (this.finished) return;
    if (reason !== 'connection-closed') this.sayFinally({ type: 'file-failed', id: this.id, reason });
    this.finish({ phase: 'failed', reason, by: 'me', detail });
  }

  /** The link is gone: the work stops and bytes in flight are lost; what this side holds stays for resume. */
  pause(): void {
    if (this.finished || !this.pausable()) return;
    this.attempt++;
    clearTimeout(this.graceTimer);
    this.idle.stop();
    this.dropChannel();
    this.setState({ phase: 'interrupted' });
    this.wake();
  }

  /** The peer still acts as if this transfer ran (it re-offers or re-accepts): it missed how it ended. */
  repeatFinalWord(): void {
    if (this.finished && this.finalWord) this.hooks.send(this.finalWord);
  }

  /** Whether the current phase has work that a lost link stops. */
  protected abstract pausable(): boolean;

  protected sayFinally(message: TransferMessage): void {
    this.finalWord = message;
    this.hooks.send(message);
  }

  /** Work begun in `attempt` must stop: the transfer ended, lost its channel or was paused since. */
  protected stopped(attempt: number): boolean {
    return this.finished || this.channelLost || attempt !== this.attempt;
  }

  protected setState(state: TransferState): void {
    if (this.finished) return;
    this.state = state;
    this.hooks.changed();
  }

  /** Enters a terminal state and releases the channel; every later event is ignored. */
  protected finish(state: TransferState): void {
    if (this.finished) return;
    this.state = state;
    clearTimeout(this.graceTimer);
    this.idle.stop();
    this.releaseResources();
    this.dropChannel();
    this.wake();
    this.hooks.changed();
  }

  /** Direction-specific cleanup on any terminal state, e.g. aborting the sink. */
  protected releaseResources(): void {}

  protected attachChannel(channel: FileChannel, listeners: ChannelListeners): void {
    this.channel = channel;
    this.channelLost = false;
    channel.binaryType = 'arraybuffer';
    this.unlisten = listen(channel, { ...listeners, close: this.handleClose });
  }

  /** Nothing from the old channel reaches the transfer any more, not even its close. */
  private dropChannel(): void {
    const channel = this.channel;
    if (!channel) return;
    this.unlisten?.();
    this.channel = undefined;
    channel.close();
  }

  protected loseChannel(): void {
    if (this.finished || this.channelLost) return;
    this.channelLost = true;
    this.wake();
    this.graceTimer = setTimeout(() => this.fail('channel-closed', 'the file channel closed unexpectedly'), this.hooks.closeGraceMs);
  }

  protected wake(): void {
    this.wakeup.wake();
  }

  /** Waits until condition() holds; false when the transfer ended, lost its channel or paused meanwhile. */
  protected until(condition: () => boolean): Promise<boolean> {
    const attempt = this.attempt;
    return this.wakeup.until(condition, () => this.stopped(attempt));
  }
}
