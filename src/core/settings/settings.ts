import { DEFAULT_GATHERING } from '../session/ice-gathering.ts';
import { isValidIceUrl, type IceServerEntry } from './ice-urls.ts';

export { hasTurnServer, isTurnUrl, isValidIceUrl, type IceServerEntry } from './ice-urls.ts';

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

const LIMITS = {
  gatherCapMs: [100, 60_000],
  gatherQuietMs: [0, 10_000],
  connectTimeoutMs: [1_000, 600_000],
  answerTimeoutMs: [1_000, 3_600_000],
} as const satisfies Record<string, readonly [number, number]>;


/**
 * Reads settings from untrusted storage. Anything missing, mistyped or out of range falls back to
 * its default, so a corrupt localStorage entry can never break the page.
 */
export function parseSettings(raw: string | null): Settings {
  if (raw === null) return DEFAULT_SETTINGS;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return DEFAULT_SETTINGS;
  }
  if (typeof data !== 'object' || data === null) return DEFAULT_SETTINGS;
  const record = data as Record<string, unknown>;
  return {
    iceServers: Array.isArray(record['iceServers'])
      ? record['iceServers'].flatMap(parseIceServer)
      : DEFAULT_SETTINGS.iceServers,
    gatherCapMs: clampNumber(record['gatherCapMs'], 'gatherCapMs'),
    gatherQuietMs: clampNumber(record['gatherQuietMs'], 'gatherQuietMs'),
    connectTimeoutMs: clampNumber(record['connectTimeoutMs'], 'connectTimeoutMs'),
    answerTimeoutMs: clampNumber(record['answerTimeoutMs'], 'answerTimeoutMs'),
    // Settings stored before the option existed have no such key: off, as they behaved.
    relayOnly: record['relayOnly'] === true,
  };
}

export function serializeSettings(settings: Settings): string {
  return JSON.stringify(settings);
}

function parseIceServer(value: unknown): IceServerEntry[] {
  if (typeof value !== 'object' || value === null) return [];
  const { urls, username, credential } = value as Record<string, unknown>;
  if (typeof urls !== 'string' || !isValidIceUrl(urls)) return [];
  return [
    {
      urls: urls.trim(),
      ...(typeof username === 'string' && username ? { username } : {}),
      ...(typeof credential === 'string' && credential ? { credential } : {}),
    },
  ];
}

function clampNumber(value: unknown, key: keyof typeof LIMITS): number {
  const [min, max] = LIMITS[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_SETTINGS[key];
  return Math.min(max, Math.max(min, Math.round(value)));
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
