import type { DeviceIdentityStore } from '../device/identity-store.ts';
import type { MediaAccess } from '../media/media-access.ts';
import type { NetworkChanges } from '../session/ice-restart.ts';
import type { WakeLockAccess } from './keep-awake.ts';
import type { SettingsStore } from '../settings/settings-model.ts';
import type { ReceivedFiles } from '../transfer/received-files.ts';

/** What the core needs from its surroundings: a browser, Node, or a test supplies each part. */
export interface Platform {
  readonly createPeerConnection: (config: RTCConfiguration) => RTCPeerConnection;
  /** Camera, microphone and screen; without it the conversation is data-only. */
  readonly media?: MediaAccess;
  readonly settingsStore: SettingsStore;
  readonly receivedFiles: ReceivedFiles;
  /** Keeps the screen on while a transfer or a call runs; without it the screen may sleep. */
  readonly wakeLock?: WakeLockAccess;
  /** Says when the device's network may have changed, so ICE is restarted in-band at once. */
  readonly networkChanges?: NetworkChanges;
  /** Keeps this device's certificate and the devices it has met; without it every connection looks new. */
  readonly deviceIdentity?: DeviceIdentityStore;
}
