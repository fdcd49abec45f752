import { TypedEventTarget } from '../events/typed-event-target.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { ConfigurationProbe } from './configuration-probe.ts';
import { iceServerProblems, type IceServerProblem } from './ice-server-check.ts';
import { loadSettings, parseSettings, usedFields } from './settings-load.ts';
import { rtcConfiguration, serializeSettings, type Settings } from './settings.ts';

/** Where the serialized settings live (localStorage in a browser, a file or nothing elsewhere). */
export interface SettingsStore {
  load(): string | null;
  save(serialized: string): void;
}

/** Why new settings were not taken; the ones in use (and stored) stay as they were. */
export type SettingsRefusal =
  | { readonly kind: 'invalid-server'; readonly index: number; readonly problems: readonly IceServerProblem[] }
  | { readonly kind: 'browser-refused'; readonly detail: string };

/**
 * The device's settings, remembered by its store; every value is checked on the way in. Stored
 * values that cannot be used fall back to their defaults, which are stored at once, so the notice
 * (`repaired`) is shown on one visit only.
 */
export class SettingsModel extends TypedEventTarget<{ change: Event }> {
  private value: Settings;
  readonly repaired: readonly (keyof Settings)[];

  constructor(
    private readonly store: SettingsStore,
    /** Without one (a test, a platform that cannot try), only the form's checks apply. */
    private readonly probe: ConfigurationProbe = () => ok(undefined),
  ) {
    super();
    const loaded = loadSettings(store.load());
    this.value = loaded.settings;
    this.repaired = loaded.repaired;
    if (this.repaired.length > 0) store.save(serializeSettings(this.value));
  }

  get current(): Settings {
    return this.value;
  }

  /**
   * Takes and stores new settings, or says why not: a server with a problem, or a configuration the
   * browser refuses (tried only when the servers or Relay only changed).
   */
  update(next: Settings): Result<void, SettingsRefusal> {
    const iceServers = next.iceServers.map(usedFields);
    for (const [index, server] of iceServers.entries()) {
      const problems = iceServerProblems(server);
      if (problems.length > 0) return err({ kind: 'invalid-server', index, problems });
    }
    // A round trip through the parser clamps out-of-range numbers exactly as loading would.
    const value = parseSettings(serializeSettings({ ...next, iceServers }));
    const config = rtcConfiguration(value);
    if (JSON.stringify(config) !== JSON.stringify(rtcConfiguration(this.value))) {
      const tried = this.probe(config);
      if (!tried.ok) return err({ kind: 'browser-refused', detail: tried.error });
    }
    this.value = value;
    this.store.save(serializeSettings(value));
    this.notify('change');
    return ok(undefined);
  }
}
