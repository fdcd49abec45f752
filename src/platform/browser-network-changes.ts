import type { NetworkChanges } from '../core/session/ice-restart.ts';

/**
 * The browser's hints that the network changed: `online` after being offline, and the Network
 * Information API's `change` (a new connection type; Chromium only) where it exists.
 */
export const browserNetworkChanges: NetworkChanges = {
  subscribe(listener) {
    const connection = (navigator as Navigator & { connection?: EventTarget }).connection;
    window.addEventListener('online', listener);
    connection?.addEventListener('change', listener);
    return () => {
      window.removeEventListener('online', listener);
      connection?.removeEventListener('change', listener);
    };
  },
};
