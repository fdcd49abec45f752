import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, serializeSettings } from '../../../src/core/settings/settings.ts';

describe('parseSettings', () => {
  test('missing or corrupt storage gives the defaults', () => {
    for (const raw of [null, '', '{', 'null', '42', '"text"', '[]']) expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  test('round-trips valid settings, including an empty server list (LAN only)', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      iceServers: [{ urls: 'turn:turn.example.org:3478', username: 'u', credential: 'p' }],
      connectTimeoutMs: 5000,
    };
    expect(parseSettings(serializeSettings(settings))).toEqual(settings);
    expect(parseSettings(serializeSettings({ ...DEFAULT_SETTINGS, iceServers: [] })).iceServers).toEqual([]);
  });

  test('drops servers with bad URLs and clamps numbers', () => {
    const parsed = parseSettings(
      JSON.stringify({
        iceServers: [{ urls: 'http://example.org' }, { urls: 'stun:ok.example:3478' }, 7, null],
        gatherCapMs: -5,
        gatherQuietMs: 'fast',
        connectTimeoutMs: 1e12,
      }),
    );
    expect(parsed.iceServers).toEqual([{ urls: 'stun:ok.example:3478' }]);
    expect(parsed.gatherCapMs).toBe(100);
    expect(parsed.gatherQuietMs).toBe(DEFAULT_SETTINGS.gatherQuietMs);
    expect(parsed.connectTimeoutMs).toBe(600_000);
  });
});
