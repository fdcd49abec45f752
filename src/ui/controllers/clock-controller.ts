import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The time now, read again once a second while the host is on the page, for a countdown or a count up. */
export class ClockController implements ReactiveController {
  now = Date.now();
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.now = Date.now();
    this.ticker = setInterval(() => {
      this.now = Date.now();
      this.host.requestUpdate();
    }, 1000);
  }

  hostDisconnected(): void {
    clearInterval(this.ticker);
  }
}
