/**
 * The one event target every core class extends. `Events` maps each event name to the Event
 * subclass it carries, so listeners are typed as lib.dom types its own targets, and `emit` cannot
 * fire a name the map does not list. Core classes fire plain `Event`s to say "read my getters
 * again"; an event carries data only when the data is a moment's snapshot (see TransferEvent).
 */
export class TypedEventTarget<Events extends Record<keyof Events, Event>> extends EventTarget {
  protected emit(event: Events[keyof Events]): void {
    this.dispatchEvent(event);
  }

  protected emitChange<K extends keyof Events & string>(type: K): void {
    this.dispatchEvent(new Event(type));
  }
}

export interface TypedEventTarget<Events extends Record<keyof Events, Event>> {
  addEventListener<K extends keyof Events & string>(
    type: K,
    listener: (event: Events[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof Events & string>(
    type: K,
    listener: (event: Events[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/** What a subscriber (such as the UI's EventsController) needs of any core target. */
export interface Subscribable<Events> {
  addEventListener<K extends keyof Events & string>(type: K, listener: (event: Events[K]) => void): void;
  removeEventListener<K extends keyof Events & string>(type: K, listener: (event: Events[K]) => void): void;
}
