import { DEFAULT_GATHERING } from '../session/ice-gathering.ts';
import type { IceServerEntry } from './ice-urls.ts';

export { iceServerProblems, isUsableIceServer, type IceServerProblem } from './ice-server-check.ts';
export { hasTurnServer, isTurnUrl, type IceServerEntry } from './ice-urls.ts';

export interface Settings {
  readonly iceServers: readonly IceServerEntry[];
  readonly gatherCapMs: number;
  readonly gatherQuietMs: number;
  /** How long the offerer waits for the link once the answer is applied. */
  readonly connectTimeoutMs: number;
  /**
   * How long the answerer waits for its answer to be carried back and the link to come up.
   * Longer, because a person is walking a QR code or a message across.
   */
  readonly answerTimeoutMs: number;
  /**
   * Use only relay candidates (iceTransportPolicy 'relay'): the other device learns the TURN
   * server's address, never this device's. Without a TURN server nothing can connect.
   */
  readonly relayOnly: boolean;
}

/** Public STUN only: Google's and Cloudflare's. No TURN by default (that would need an account). */
export const DEFAULT_ICE_SERVERS: readonly IceServerEntry[] = [
  { urls: 'stun:stun.l.google.com:19302' },
  { urls: 'stun:stun.cloudflare.com:3478' },
];

export const DEFAULT_SETTINGS: Settings = {
  iceServers: DEFAULT_ICE_SERVERS,
  gatherCapMs: DEFAULT_GATHERING.capMs,
  gatherQuietMs: DEFAULT_GATHERING.quietMs,
  connectTimeoutMs: 30_000,
  answerTimeoutMs: 180_000,
  relayOnly: false,
};

export function serializeSettings(settings: Settings): string {
  return JSON.stringify(settings);
}

export function toRtcIceServers(entries: readonly IceServerEntry[]): RTCIceServer[] {
  return entries.map((entry) => ({ ...entry }));
}

/**
 * The RTCPeerConnection's configuration. Relay only applies even without a TURN server: the user
 * asked not to reveal this device's address, so nothing is gathered and the page says why.
 */
export function rtcConfiguration(settings: Pick<Settings, 'iceServers' | 'relayOnly'>): RTCConfiguration {
  const iceServers = toRtcIceServers(settings.iceServers);
  return settings.relayOnly ? { iceServers, iceTransportPolicy: 'relay' } : { iceServers };
}

/** connect: after the answer is applied; answer: while a person carries the answer back. */
export function timeoutMs(settings: Settings, kind: 'connect' | 'answer'): number {
  return kind === 'connect' ? settings.connectTimeoutMs : settings.answerTimeoutMs;
}
