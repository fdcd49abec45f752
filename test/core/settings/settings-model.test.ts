import { describe, expect, test } from 'vitest';
import { probeWith } from '../../../src/core/settings/configuration-probe.ts';
import { SettingsModel } from '../../../src/core/settings/settings-model.ts';
import { parseSettings } from '../../../src/core/settings/settings-load.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings.ts';

test('settings are clamped on the way in, and the clamped values are what the store keeps', () => {
  let stored: string | null = null;
  const model = new SettingsModel({ load: () => stored, save: (text) => void (stored = text) });
  expect(model.current).toEqual(DEFAULT_SETTINGS);
  let changes = 0;
  model.addEventListener('change', () => changes++);
  model.update({ ...DEFAULT_SETTINGS, connectTimeoutMs: 5, gatherCapMs: 1e9 });
  expect(model.current.connectTimeoutMs).toBe(1_000);
  expect(model.current.gatherCapMs).toBe(60_000);
  expect(parseSettings(stored)).toEqual(model.current);
  expect(JSON.parse(stored!).connectTimeoutMs).toBe(1_000);
  expect(changes).toBe(1);
  expect(new SettingsModel({ load: () => stored, save: () => {} }).current).toEqual(model.current);
});

describe('SettingsModel: nothing that would break a connection is taken', () => {
  const turn = { urls: 'turn:turn.example.org:3478', username: 'alice', credential: 'wonderland' };

  function memoryStore(initial: string | null = null) {
    const store = { text: initial, saves: 0, load: () => store.text, save: (text: string) => void ((store.text = text), store.saves++) };
    return store;
  }

  test('a stored invalid value falls back to the defaults, is stored repaired at once, and is named only on that visit', () => {
    const store = memoryStore(JSON.stringify({ ...DEFAULT_SETTINGS, iceServers: [{ urls: 'turn:host' }] }));
    const first = new SettingsModel(store);
    expect([first.current, first.repaired]).toEqual([DEFAULT_SETTINGS, ['iceServers']]);
    expect(JSON.parse(store.text!)).toEqual(DEFAULT_SETTINGS);
    const next = new SettingsModel(store);
    expect([next.current, next.repaired]).toEqual([DEFAULT_SETTINGS, []]);
    expect(store.saves).toBe(1);
  });

  test('a server with a problem is refused with its index and problems; nothing is stored or announced', () => {
    const store = memoryStore();
    const model = new SettingsModel(store);
    let changes = 0;
    model.addEventListener('change', () => changes++);
    const refused = model.update({ ...DEFAULT_SETTINGS, iceServers: [turn, { urls: 'turn:host' }] });
    expect(refused).toEqual({ ok: false, error: { kind: 'invalid-server', index: 1, problems: ['missing-username', 'missing-password'] } });
    expect([model.current, store.saves, changes]).toEqual([DEFAULT_SETTINGS, 0, 0]);
  });

  test('a configuration the browser refuses is not stored; the browser is asked only when the servers or Relay only change', () => {
    const store = memoryStore();
    const tried: RTCConfiguration[] = [];
    let refusal: string | undefined = 'Both username and credential are required';
    const model = new SettingsModel(store, (config) => {
      tried.push(config);
      return refusal === undefined ? { ok: true, value: undefined } : { ok: false, error: refusal };
    });
    expect(model.update({ ...DEFAULT_SETTINGS, iceServers: [turn] })).toEqual({
      ok: false,
      error: { kind: 'browser-refused', detail: 'Both username and credential are required' },
    });
    expect([model.current, store.saves]).toEqual([DEFAULT_SETTINGS, 0]);
    expect(model.update({ ...DEFAULT_SETTINGS, answerTimeoutMs: 60_000 }).ok).toBe(true);
    expect(tried).toEqual([{ iceServers: [turn] }]);
    refusal = undefined;
    expect(model.update({ ...model.current, iceServers: [turn], relayOnly: true }).ok).toBe(true);
    expect(tried.at(-1)).toEqual({ iceServers: [turn], iceTransportPolicy: 'relay' });
    expect(parseSettings(store.text)).toEqual({ ...DEFAULT_SETTINGS, iceServers: [turn], relayOnly: true, answerTimeoutMs: 60_000 });
  });

  test('a STUN server keeps no credentials typed while it was a TURN server', () => {
    const model = new SettingsModel(memoryStore());
    expect(model.update({ ...DEFAULT_SETTINGS, iceServers: [{ ...turn, urls: 'stun:stun.example.org' }] }).ok).toBe(true);
    expect(model.current.iceServers).toEqual([{ urls: 'stun:stun.example.org' }]);
  });
});

describe('probeWith: the platform factory tries the configuration', () => {
  test('Ok when it constructs, the browser’s words when it throws; a made connection is closed at once', () => {
    let closed = 0;
    const made: RTCConfiguration[] = [];
    const probe = probeWith((config) => {
      made.push(config);
      if (config.iceServers?.length) throw new DOMException('Invalid URL', 'SyntaxError');
      return { close: () => void closed++ } as unknown as RTCPeerConnection;
    });
    expect(probe({ iceServers: [] })).toEqual({ ok: true, value: undefined });
    expect(closed).toBe(1);
    expect(probe({ iceServers: [{ urls: 'stun:[::1' }] })).toEqual({ ok: false, error: 'Invalid URL' });
    expect([closed, made.length]).toEqual([1, 2]);
  });
});
