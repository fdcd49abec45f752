import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A hidden tab runs no animation frames; the chat is a live region, so its update still comes,
 * at most this late (and a background tab's timers are slowed to about once a second anyway).
 */
const HIDDEN_TAB_FALLBACK_MS = 250;

/**
 * Many requests within one animation frame make one host update: a peer's burst of messages
 * renders once per frame, not once per message (Lit alone batches only within one task).
 */
export class FrameUpdate implements ReactiveController {
  private frame: number | undefined;
  private fallback: ReturnType<typeof setTimeout> | undefined;
  private readonly run = (): void => {
    this.cancel();
    this.host.requestUpdate();
  };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  request(): void {
    if (this.fallback !== undefined) return;
    this.frame = requestAnimationFrame(this.run);
    this.fallback = setTimeout(this.run, HIDDEN_TAB_FALLBACK_MS);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  private cancel(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    clearTimeout(this.fallback);
    this.frame = this.fallback = undefined;
  }
}
