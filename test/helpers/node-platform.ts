import { RTCPeerConnection as NodeRTCPeerConnection } from 'node-datachannel/polyfill';
import type { Platform } from '../../src/core/app/platform.ts';
import type { DeviceIdentityStore } from '../../src/core/device/identity-store.ts';
import { TypedEventTarget } from '../../src/core/events/typed-event-target.ts';
import type { SettingsStore } from '../../src/core/settings/settings-model.ts';
import { BlobPartsSink } from '../../src/core/transfer/blob-parts-sink.ts';
import type { SinkFactory } from '../../src/core/transfer/file-sink.ts';
import type { ReceivedFiles } from '../../src/core/transfer/received-files.ts';
import { pemCertificate, withPemFiles } from './pem-certificate.ts';

/** Settings held in memory; loopback needs no ICE servers, and an offline machine has none. */
export function memorySettingsStore(settings: object = { iceServers: [] }): SettingsStore {
  let serialized: string | null = JSON.stringify(settings);
  return {
    load: () => serialized,
    save: (next) => void (serialized = next),
  };
}

/** Received files kept in memory as Blobs: enough for a few MiB in a test. */
export class MemoryReceivedFiles extends TypedEventTarget<{ change: Event }> implements ReceivedFiles {
  private readonly verified = new Map<string, Blob>();

  async sinkFor(id: string): Promise<SinkFactory> {
    return (info) => new BlobPartsSink(info.mimeType, undefined, (blob) => this.keep(id, blob));
  }

  saved(id: string): Blob | undefined {
    return this.verified.get(id);
  }

  async clear(): Promise<void> {
    this.verified.clear();
  }

  private keep(id: string, blob: Blob): void {
    this.verified.set(id, blob);
    this.notify('change');
  }
}

/** A device's certificate and known devices in memory; certificates come from `generate`. */
export function memoryIdentityStore(generate: () => Promise<RTCCertificate | undefined> = async () => undefined) {
  let certificate: RTCCertificate | undefined;
  const known = new Set<string>();
  const verified = new Set<string>();
  return {
    known,
    verified,
    get certificate() {
      return certificate;
    },
    loadCertificate: async () => certificate,
    saveCertificate: async (next) => void (certificate = next),
    generateCertificate: generate,
    isKnownDevice: async (fingerprint) => known.has(fingerprint),
    addKnownDevice: async (fingerprint) => void known.add(fingerprint),
    isVerifiedDevice: async (fingerprint) => verified.has(fingerprint),
    addVerifiedDevice: async (fingerprint) => void verified.add(fingerprint),
    clear: async () => {
      certificate = undefined;
      known.clear();
      verified.clear();
    },
  } satisfies DeviceIdentityStore & { known: Set<string>; verified: Set<string>; certificate: RTCCertificate | undefined };
}

/**
 * The core on Node: libdatachannel's standard RTCPeerConnection, no camera, memory for the rest,
 * and a lasting certificate made by openssl, so a peer looks the same in every session.
 */
export function nodePlatform(settings?: object): Platform & { receivedFiles: MemoryReceivedFiles } {
  return {
    createPeerConnection: (config) => new NodeRTCPeerConnection({ ...withPemFiles(config), ...LOOPBACK }) as unknown as RTCPeerConnection,
    settingsStore: memorySettingsStore(settings),
    receivedFiles: new MemoryReceivedFiles(),
    deviceIdentity: memoryIdentityStore(async () => pemCertificate()),
  };
}

/**
 * libdatachannel offers the machine's real interfaces and never loopback unless bound to it; the
 * unit run must not depend on what network the machine has (or lacks).
 */
export const LOOPBACK = { bindAddress: '127.0.0.1' } as const;

/**
 * For tests that connect libdatachannel peers. Under a loaded unit run (many files at once on two
 * cores), libdatachannel 0.24.5 sometimes refuses a description with "Got a remote candidate
 * without ICE transport" (about one full unit run in three here; never when the file runs alone).
 * A retry builds fresh connections; a real failure fails every attempt.
 */
export const LIBDATACHANNEL_RETRY = { retry: 2 } as const;
