import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Subscribable } from '../../core/events/typed-event-target.ts';

/**
 * Listens to a core object's events for as long as the host is on the page. The target is read
 * again before every update, so a property that is handed a new object (a new call, a new
 * transfer manager) is followed without any code in the element. By default an event re-renders.
 */
export class SubscriptionController<Events extends Record<keyof Events, Event>> implements ReactiveController {
  private subscribed: Subscribable<Events> | undefined;
  /** Lit may still update a host that has left the page; it must not subscribe again then. */
  private connected = false;
  private readonly listener: (event: Events[keyof Events & string]) => void;

  constructor(
    host: ReactiveControllerHost,
    private readonly target: () => Subscribable<Events> | undefined,
    private readonly types: readonly (keyof Events & string)[],
    onEvent?: (event: Events[keyof Events & string]) => void,
  ) {
    this.listener = (event) => (onEvent ? onEvent(event) : host.requestUpdate());
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.follow(this.target());
  }

  hostUpdate(): void {
    if (this.connected) this.follow(this.target());
  }

  hostDisconnected(): void {
    this.connected = false;
    this.follow(undefined);
  }

  private follow(next: Subscribable<Events> | undefined): void {
    if (next === this.subscribed) return;
    for (const type of this.types) {
      this.subscribed?.removeEventListener(type, this.listener);
      next?.addEventListener(type, this.listener);
    }
    this.subscribed = next;
  }
}
