/**
 * Fails a transfer that waits for the peer and hears nothing for too long (issue 18: a receiver
 * that accepts and never acknowledges held the only send slot; a sender that never opened its
 * channel left the receiver's file open). Each sign of life restarts the wait; stop() ends it.
 */
export class IdleWatch {
  private handle: ReturnType<typeof setTimeout> | undefined;
  private waitingFor = '';

  constructor(
    private readonly timeoutMs: number,
    private readonly onIdle: (detail: string) => void,
  ) {}

  /** Something happened: the wait starts again, now for what `waitingFor` names. */
  restart(waitingFor = this.waitingFor): void {
    this.waitingFor = waitingFor;
    clearTimeout(this.handle);
    this.handle = setTimeout(() => {
      this.handle = undefined;
      this.onIdle(`nothing from the other device for ${Math.round(this.timeoutMs / 1000)} s while waiting for ${this.waitingFor}`);
    }, this.timeoutMs);
  }

  stop(): void {
    clearTimeout(this.handle);
    this.handle = undefined;
  }
}
