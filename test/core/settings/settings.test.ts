import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, rtcConfiguration, serializeSettings } from '../../../src/core/settings/settings.ts';

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

describe('Relay only', () => {
  const turn = { urls: 'turn:10.99.0.2:3478', username: 'alice', credential: 'wonderland' };

  test('is off by default, also for settings stored before it existed, and kept when on', () => {
    expect(DEFAULT_SETTINGS.relayOnly).toBe(false);
    const { relayOnly: _dropped, ...older } = { ...DEFAULT_SETTINGS, iceServers: [turn] };
    expect(parseSettings(JSON.stringify(older))).toEqual({ ...DEFAULT_SETTINGS, iceServers: [turn] });
    expect(parseSettings(serializeSettings({ ...DEFAULT_SETTINGS, relayOnly: true })).relayOnly).toBe(true);
    for (const odd of ['true', 1, null]) expect(parseSettings(JSON.stringify({ relayOnly: odd })).relayOnly).toBe(false);
  });

  test("sets the connection's iceTransportPolicy to relay, with or without a TURN server", () => {
    expect(rtcConfiguration({ iceServers: [turn], relayOnly: false })).toEqual({ iceServers: [turn] });
    expect(rtcConfiguration({ iceServers: [turn], relayOnly: true })).toEqual({ iceServers: [turn], iceTransportPolicy: 'relay' });
    expect(rtcConfiguration({ iceServers: [], relayOnly: true })).toEqual({ iceServers: [], iceTransportPolicy: 'relay' });
  });

  test('the configuration is a copy: the browser cannot change the stored settings', () => {
    const settings = { iceServers: [turn], relayOnly: false };
    expect(rtcConfiguration(settings).iceServers![0]).not.toBe(turn);
  });
});
