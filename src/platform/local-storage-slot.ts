/** One string kept in localStorage under its own key, as the settings and the language are. */
export interface StorageSlot {
  load(): string | null;
  save(value: string): void;
}

/** Storage that is full or blocked only costs persistence: the value still applies until the page closes. */
export function localStorageSlot(key: string): StorageSlot {
  return {
    load() {
      try {
        return localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    save(value) {
      try {
        localStorage.setItem(key, value);
      } catch {
        // Private browsing or a full quota.
      }
    },
  };
}

export const localSettingsStore = localStorageSlot('p2p-direct.settings.v1');
/** The language the user picked with the Language control; absent until they pick one. */
export const localLocaleStore = localStorageSlot('p2p-direct.locale.v1');
/** The name this device shows in a group; absent until the user types one. */
export const localNameStore = localStorageSlot('p2p-direct.name.v1');
