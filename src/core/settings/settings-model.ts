import { TypedEventTarget } from '../events/typed-event-target.ts';
import { parseSettings, serializeSettings, type Settings } from './settings.ts';

/** Where the serialized settings live (localStorage in a browser, a file or nothing elsewhere). */
export interface SettingsStore {
  load(): string | null;
  save(serialized: string): void;
}

/** The device's settings, remembered by its store; every value is clamped on the way in. */
export class SettingsModel extends TypedEventTarget<{ change: Event }> {
  private value: Settings;

  constructor(private readonly store: SettingsStore) {
    super();
    this.value = parseSettings(store.load());
  }

  get current(): Settings {
    return this.value;
  }

  update(next: Settings): void {
    // A round trip through the parser clamps out-of-range numbers exactly as loading would.
    this.value = parseSettings(serializeSettings(next));
    this.store.save(serializeSettings(this.value));
    this.notify('change');
  }
}
