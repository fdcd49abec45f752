import { RTCPeerConnection as NodeRTCPeerConnection } from 'node-datachannel/polyfill';
import type { Platform } from '../core/app/platform.ts';
import { DEFAULT_SETTINGS, serializeSettings, type Settings } from '../core/settings/settings.ts';
import type { SettingsStore } from '../core/settings/settings-model.ts';
import type { ReceivedFiles } from '../core/transfer/received-files.ts';
import type { CliOptions } from './cli-args.ts';

/**
 * The core on a terminal: libdatachannel (npm node-datachannel) as the WebRTC stack, the command
 * line's ICE servers as the settings, and no camera. No device identity is kept: libdatachannel
 * makes a new certificate per connection, so every device sees this terminal as new, and the
 * verification code is what ties a link to a person.
 */
export function cliPlatform(options: CliOptions, receivedFiles: ReceivedFiles): Platform {
  const bind = options.bindAddress ? { bindAddress: options.bindAddress } : {};
  return {
    createPeerConnection: (config) => new NodeRTCPeerConnection({ ...config, ...bind }) as unknown as RTCPeerConnection,
    settingsStore: fixedSettings(cliSettings(options)),
    receivedFiles,
  };
}

export function cliSettings(options: Pick<CliOptions, 'iceServers' | 'relayOnly'>): Settings {
  return { ...DEFAULT_SETTINGS, iceServers: options.iceServers ?? DEFAULT_SETTINGS.iceServers, relayOnly: options.relayOnly };
}

/** The command line's settings; nothing a run changes outlives it. */
function fixedSettings(settings: Settings): SettingsStore {
  let serialized = serializeSettings(settings);
  return { load: () => serialized, save: (next) => void (serialized = next) };
}
