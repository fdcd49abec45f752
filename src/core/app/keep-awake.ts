import { TypedEventTarget } from '../events/typed-event-target.ts';
import type { Call } from '../media/call.ts';
import type { CallFeature } from '../media/call-feature.ts';
import type { TransferFeature } from '../transfer/transfer-feature.ts';
import type { TransferManager } from '../transfer/transfer-manager.ts';

/** The platform's screen wake lock; the browser's also takes it again when the page is shown again. */
export interface WakeLockAccess {
  /** Resolves to the function that lets the screen sleep again; rejects when the platform refuses. */
  request(): Promise<() => void>;
}

// 'interrupted' too: a phone that sleeps while a transfer waits for Reconnect may drop the page and all it held.
const RUNNING = new Set(['waiting', 'sending', 'receiving', 'verifying', 'interrupted']);

/**
 * Keeps the screen on while a transfer or a call runs, and lets it sleep again after: a phone that
 * locks its screen mid-transfer pauses the page, and the transfer with it.
 */
export class KeepAwake extends TypedEventTarget<{ change: Event }> {
  private manager: TransferManager | undefined;
  private call: Call | undefined;
  private release: (() => void) | undefined;
  private wanted = false;
  private readonly update = (): void => this.reconsider();

  constructor(
    private readonly lock: WakeLockAccess | undefined,
    private readonly calls: CallFeature,
    private readonly transfers: TransferFeature,
  ) {
    super();
    calls.addEventListener('change', this.update);
    transfers.addEventListener('change', this.update);
  }

  /** A transfer or a call is running now. */
  get busy(): boolean {
    const transferRunning = this.manager?.list().some((transfer) => RUNNING.has(transfer.state.phase)) ?? false;
    return transferRunning || (this.call?.live ?? false);
  }

  /** The screen is being kept on. */
  get held(): boolean {
    return this.release !== undefined;
  }

  private reconsider(): void {
    this.follow();
    const busy = this.busy;
    if (busy !== this.wanted) {
      this.wanted = busy;
      if (busy) void this.acquire();
      else this.letGo();
    }
    this.notify('change');
  }

  /** The features hand out a new manager and call per link: listen to the current ones. */
  private follow(): void {
    if (this.manager !== this.transfers.manager) {
      this.manager?.removeEventListener('change', this.update);
      this.manager = this.transfers.manager;
      this.manager?.addEventListener('change', this.update);
    }
    if (this.call !== this.calls.call) {
      this.call?.removeEventListener('change', this.update);
      this.call = this.calls.call;
      this.call?.addEventListener('change', this.update);
    }
  }

  private async acquire(): Promise<void> {
    try {
      const release = await this.lock?.request();
      // The work may have ended while the platform was deciding.
      if (!this.wanted) release?.();
      else this.release = release;
    } catch {
      // Refused (battery saver, a hidden page): the work goes on, the screen may sleep.
    }
    this.notify('change');
  }

  private letGo(): void {
    this.release?.();
    this.release = undefined;
  }
}
