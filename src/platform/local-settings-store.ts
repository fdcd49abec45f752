import type { SettingsStore } from '../core/settings/settings-model.ts';

const STORAGE_KEY = 'p2p-direct.settings.v1';

/** Settings in localStorage; storage that is full or blocked only costs persistence. */
export const localSettingsStore: SettingsStore = {
  load() {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  },
  save(serialized) {
    try {
      localStorage.setItem(STORAGE_KEY, serialized);
    } catch {
      // Private browsing or a full quota: the settings still apply until the page closes.
    }
  },
};
