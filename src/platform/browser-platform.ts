import type { Platform } from '../core/app/platform.ts';
import { browserMedia } from './browser-media.ts';
import { browserNetworkChanges } from './browser-network-changes.ts';
import { browserWakeLock } from './browser-wake-lock.ts';
import { BrowserReceivedFiles } from './files/browser-received-files.ts';
import { indexedDbIdentityStore } from './indexed-db-identity.ts';
import { localSettingsStore } from './local-storage-slot.ts';

/** The browser's implementations of everything the core needs from its surroundings. */
export function browserPlatform(): Platform {
  return {
    createPeerConnection: (config) => new RTCPeerConnection(config),
    media: browserMedia,
    settingsStore: localSettingsStore,
    receivedFiles: new BrowserReceivedFiles(),
    wakeLock: browserWakeLock,
    networkChanges: browserNetworkChanges,
    deviceIdentity: indexedDbIdentityStore(),
  };
}
