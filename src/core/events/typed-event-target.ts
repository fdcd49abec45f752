/**
 * The one event target of core classes that fire events. `Events` maps each event name to the
 * Event class it carries, and only those names can be listened to or fired: a typo is a type
 * error, not a listener that never runs. A plain `Event` says "read my getters again"; an event
 * carries data only when the data is a moment's snapshot (see TransferEvent).
 */
export class TypedEventTarget<Events extends Record<keyof Events, Event>> implements Subscribable<Events> {
  private readonly target = new EventTarget();

  addEventListener<K extends EventName<Events>>(type: K, listener: (event: Events[K]) => void, options?: AddEventListenerOptions): void {
    this.target.addEventListener(type, listener as EventListener, options);
  }

  removeEventListener<K extends EventName<Events>>(type: K, listener: (event: Events[K]) => void): void {
    this.target.removeEventListener(type, listener as EventListener);
  }

  protected emit<K extends EventName<Events>>(type: K, event: Events[K] & { readonly type: string }): void {
    if (event.type !== type) throw new Error(`An event named "${event.type}" was fired as "${type}".`);
    this.target.dispatchEvent(event);
  }

  /** Fires a plain Event: only for names that carry nothing else. */
  protected notify(type: PlainEventName<Events>): void {
    this.target.dispatchEvent(new Event(type));
  }
}

type EventName<Events> = keyof Events & string;
type PlainEventName<Events> = { [K in EventName<Events>]: Event extends Events[K] ? K : never }[EventName<Events>];

/** What a subscriber (such as the UI's SubscriptionController) needs of any core target. */
export interface Subscribable<Events> {
  addEventListener<K extends keyof Events & string>(type: K, listener: (event: Events[K]) => void): void;
  removeEventListener<K extends keyof Events & string>(type: K, listener: (event: Events[K]) => void): void;
}
