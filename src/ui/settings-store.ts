import { parseSettings, serializeSettings, type Settings } from '../core/settings/settings.ts';

const STORAGE_KEY = 'p2p-direct.settings.v1';

/** Settings persisted in localStorage; storage that is full or blocked only costs persistence. */
export function loadSettings(): Settings {
  try {
    return parseSettings(localStorage.getItem(STORAGE_KEY));
  } catch {
    return parseSettings(null);
  }
}

export function saveSettings(settings: Settings): void {
  try {
    localStorage.setItem(STORAGE_KEY, serializeSettings(settings));
  } catch {
    // Private browsing or a full quota: the settings still apply until the page closes.
  }
}
