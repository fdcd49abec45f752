import { describe, expect, test } from 'vitest';
import { loadSettings, parseSettings } from '../../../src/core/settings/settings-load.ts';
import { DEFAULT_SETTINGS, rtcConfiguration, serializeSettings } from '../../../src/core/settings/settings.ts';

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

  test('a server list with an unusable server falls back to the defaults; numbers are clamped', () => {
    const parsed = parseSettings(
      JSON.stringify({
        iceServers: [{ urls: 'http://example.org' }, { urls: 'stun:ok.example:3478' }, 7, null],
        gatherCapMs: -5,
        gatherQuietMs: 'fast',
        connectTimeoutMs: 1e12,
      }),
    );
    expect(parsed.iceServers).toEqual(DEFAULT_SETTINGS.iceServers);
    expect(parsed.gatherCapMs).toBe(100);
    expect(parsed.gatherQuietMs).toBe(DEFAULT_SETTINGS.gatherQuietMs);
    expect(parsed.connectTimeoutMs).toBe(600_000);
  });
});

describe('loadSettings: what could not be used as stored is named, so the page can say so', () => {
  const stored = (value: object) => JSON.stringify({ ...DEFAULT_SETTINGS, ...value });

  test('valid settings, older ones without newer keys, and nothing stored need no repair', () => {
    expect(loadSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, repaired: [] });
    expect(loadSettings(stored({})).repaired).toEqual([]);
    expect(loadSettings(JSON.stringify({ iceServers: [] }))).toEqual({ settings: { ...DEFAULT_SETTINGS, iceServers: [] }, repaired: [] });
    const turn = { urls: 'turns:turn.example.org:5349?transport=tcp', username: 'u', credential: 'p' };
    expect(loadSettings(stored({ iceServers: [turn] }))).toEqual({ settings: { ...DEFAULT_SETTINGS, iceServers: [turn] }, repaired: [] });
  });

  test.each([
    ['a TURN server without credentials', { iceServers: [{ urls: 'turn:host' }] }, ['iceServers']],
    ['an unclosed IPv6 address', { iceServers: [{ urls: 'stun:[::1' }] }, ['iceServers']],
    ['one bad server among good ones', { iceServers: [{ urls: 'stun:a.example' }, { urls: 'stun:b.example:0' }] }, ['iceServers']],
    ['a user name that is not text', { iceServers: [{ urls: 'turn:h', username: 5, credential: 'p' }] }, ['iceServers']],
    ['servers that are not a list', { iceServers: 'stun:a.example' }, ['iceServers']],
    ['a number out of range and a mistyped flag', { answerTimeoutMs: 5, relayOnly: 'yes' }, ['answerTimeoutMs', 'relayOnly']],
  ])('%s falls back to the default, named as repaired', (_, value, repaired) => {
    const loaded = loadSettings(stored(value));
    expect(loaded.repaired).toEqual(repaired);
    for (const key of repaired) {
      if (key !== 'answerTimeoutMs') expect(loaded.settings[key as 'iceServers']).toEqual(DEFAULT_SETTINGS[key as 'iceServers']);
    }
    expect(loaded.settings.answerTimeoutMs).toBe(repaired.includes('answerTimeoutMs') ? 1_000 : DEFAULT_SETTINGS.answerTimeoutMs);
  });

  test('corrupt storage: everything falls back, all named', () => {
    for (const raw of ['', '{', 'null', '42', '"text"', '[]']) {
      expect(loadSettings(raw)).toEqual({ settings: DEFAULT_SETTINGS, repaired: Object.keys(DEFAULT_SETTINGS) });
    }
  });

  test('a STUN server keeps no credentials, and URLs are trimmed', () => {
    const loaded = loadSettings(stored({ iceServers: [{ urls: ' stun:a.example ', username: 'left', credential: 'over' }] }));
    expect(loaded).toEqual({ settings: { ...DEFAULT_SETTINGS, iceServers: [{ urls: 'stun:a.example' }] }, repaired: [] });
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
