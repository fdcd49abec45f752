import { expect, test } from 'vitest';
import { SettingsModel } from '../../../src/core/settings/settings-model.ts';
import { DEFAULT_SETTINGS, parseSettings } from '../../../src/core/settings/settings.ts';

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
