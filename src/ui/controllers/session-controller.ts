import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PeerSession } from '../../core/session/peer-session.ts';

/** Re-renders the host whenever the session changes; unsubscribes when the host leaves the page. */
export class SessionController implements ReactiveController {
  private readonly handleChange = (): void => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly session: PeerSession,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.session.addEventListener('statechange', this.handleChange);
    this.session.addEventListener('chatchange', this.handleChange);
    this.session.addEventListener('callchange', this.handleChange);
  }

  hostDisconnected(): void {
    this.session.removeEventListener('statechange', this.handleChange);
    this.session.removeEventListener('chatchange', this.handleChange);
    this.session.removeEventListener('callchange', this.handleChange);
  }
}
