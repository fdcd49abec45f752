import { isUsableIceServer } from './ice-server-check.ts';
import { isTurnUrl, type IceServerEntry } from './ice-urls.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';

const LIMITS = {
  gatherCapMs: [100, 60_000],
  gatherQuietMs: [0, 10_000],
  connectTimeoutMs: [1_000, 600_000],
  answerTimeoutMs: [1_000, 3_600_000],
} as const satisfies Record<string, readonly [number, number]>;

/** What was stored, as read: the settings to use, and which of them were not usable as stored. */
export interface LoadedSettings {
  readonly settings: Settings;
  /** Keys whose stored value was invalid and fell back (numbers: were clamped); the page says so once. */
  readonly repaired: readonly (keyof Settings)[];
}

/**
 * Reads settings from untrusted storage. Anything mistyped, invalid or out of range falls back to
 * its default (numbers: to their range), so a corrupt localStorage entry can never break the page;
 * a server list with one unusable server falls back whole, to the defaults. Missing keys are
 * settings stored before the key existed: their defaults, and no repair.
 */
export function loadSettings(raw: string | null): LoadedSettings {
  if (raw === null) return { settings: DEFAULT_SETTINGS, repaired: [] };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    data = undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { settings: DEFAULT_SETTINGS, repaired: Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[] };
  }
  const record = data as Record<string, unknown>;
  const repaired: (keyof Settings)[] = [];
  const read = <K extends keyof Settings>(key: K, parse: (value: unknown) => Settings[K] | undefined): Settings[K] => {
    if (!(key in record)) return DEFAULT_SETTINGS[key];
    const value = parse(record[key]);
    if (value === undefined || (typeof value === 'number' && value !== record[key])) repaired.push(key);
    return value ?? DEFAULT_SETTINGS[key];
  };
  const settings: Settings = {
    iceServers: read('iceServers', parseIceServers),
    gatherCapMs: read('gatherCapMs', (value) => clampNumber(value, 'gatherCapMs')),
    gatherQuietMs: read('gatherQuietMs', (value) => clampNumber(value, 'gatherQuietMs')),
    connectTimeoutMs: read('connectTimeoutMs', (value) => clampNumber(value, 'connectTimeoutMs')),
    answerTimeoutMs: read('answerTimeoutMs', (value) => clampNumber(value, 'answerTimeoutMs')),
    relayOnly: read('relayOnly', (value) => (typeof value === 'boolean' ? value : undefined)),
  };
  return { settings, repaired };
}

export function parseSettings(raw: string | null): Settings {
  return loadSettings(raw).settings;
}

/** The servers, each checked as the Settings form checks it; undefined if any is unusable. */
function parseIceServers(value: unknown): IceServerEntry[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const entries = value.map(parseIceServer);
  return entries.every((entry) => entry !== undefined) ? entries : undefined;
}

function parseIceServer(value: unknown): IceServerEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { urls, username, credential } = value as Record<string, unknown>;
  if (typeof urls !== 'string' || !isOptionalString(username) || !isOptionalString(credential)) return undefined;
  const entry = usedFields({ urls, username, credential });
  return isUsableIceServer(entry) ? entry : undefined;
}

/**
 * A server as it is stored and used: credentials only for TURN (a STUN row keeps none that were
 * typed before its URL changed), empty ones left out.
 */
export function usedFields({ urls, username, credential }: IceServerEntry): IceServerEntry {
  const turn = isTurnUrl(urls);
  return {
    urls: urls.trim(),
    ...(turn && username ? { username } : {}),
    ...(turn && credential ? { credential } : {}),
  };
}

function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

function clampNumber(value: unknown, key: keyof typeof LIMITS): number | undefined {
  const [min, max] = LIMITS[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Math.min(max, Math.max(min, Math.round(value)));
}
