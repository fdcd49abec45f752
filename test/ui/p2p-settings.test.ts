// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import '../../src/ui/components/p2p-settings.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings/settings.ts';
import { allByRole, button, buttonNames, getByRole, mount, recordEvents, settled, type, visibleText } from './mount.ts';

const field = (element: HTMLElement, name: string) => getByRole(element, 'textbox', name) as HTMLInputElement;
const number = (element: HTMLElement, name: string) => getByRole(element, 'spinbutton', name) as HTMLInputElement;

async function mountSettings(settings: Settings = DEFAULT_SETTINGS) {
  const changes = recordEvents<{ settings: Settings }>('p2p-settings-change');
  const element = await mount('p2p-settings', { settings });
  const lastSettings = () => changes.at(-1)?.settings;
  return { element, changes, lastSettings };
}

describe('p2p-settings', () => {
  test('shows the ICE servers and the timing, in the units the labels name', async () => {
    const { element } = await mountSettings();
    expect(field(element, 'Server 1 URL').value).toBe('stun:stun.l.google.com:19302');
    expect(field(element, 'Server 2 URL').value).toBe('stun:stun.cloudflare.com:3478');
    expect(buttonNames(element)).toEqual([
      'Remove server 1',
      'Remove server 2',
      'Add server',
      'Restore defaults',
    ]);
    expect(number(element, 'Address search limit (ms)').value).toBe('1500');
    expect(number(element, 'Connection timeout after the answer (s)').value).toBe('30');
    expect(number(element, 'Answer waits to be used for (s)').value).toBe('180');
  });

  test('an edited server URL is sent up as new settings', async () => {
    const { element, lastSettings } = await mountSettings();
    type(field(element, 'Server 2 URL'), ' stun:stun.example.org:3478 ', { change: true });
    expect(lastSettings()?.iceServers).toEqual([DEFAULT_SETTINGS.iceServers[0], { urls: 'stun:stun.example.org:3478' }]);
  });

  test('an invalid URL stays in the form, marked and explained, but is not used', async () => {
    const { element, lastSettings } = await mountSettings();
    type(field(element, 'Server 1 URL'), 'http://example.org', { change: true });
    await settled(element);
    expect(field(element, 'Server 1 URL').getAttribute('aria-invalid')).toBe('true');
    expect(field(element, 'Server 1 URL').value).toBe('http://example.org');
    expect(visibleText(element)).toContain('A server URL starts with stun:, stuns:, turn: or turns:. This one is not used.');
    expect(lastSettings()?.iceServers).toEqual([DEFAULT_SETTINGS.iceServers[1]]);
  });

  test('a TURN server asks for a user name and a password', async () => {
    const { element, lastSettings } = await mountSettings();
    expect(allByRole(element, 'textbox', /user name|password/)).toEqual([]);
    type(field(element, 'Server 1 URL'), 'turn:turn.example.org:3478', { change: true });
    await settled(element);
    type(field(element, 'Server 1 user name'), 'alice', { change: true });
    await settled(element);
    const password = field(element, 'Server 1 password');
    expect(password.type).toBe('password');
    type(password, 's3cret', { change: true });
    expect(lastSettings()?.iceServers[0]).toEqual({ urls: 'turn:turn.example.org:3478', username: 'alice', credential: 's3cret' });
  });

  test('Add server adds an empty row, used only once it holds a valid URL', async () => {
    const { element, changes, lastSettings } = await mountSettings();
    button(element, 'Add server').click();
    await settled(element);
    expect(field(element, 'Server 3 URL').value).toBe('');
    expect(changes).toEqual([]);
    type(field(element, 'Server 3 URL'), 'stuns:stun.example.org', { change: true });
    expect(lastSettings()?.iceServers).toHaveLength(3);
  });

  test('Remove server and Restore defaults', async () => {
    const { element, lastSettings } = await mountSettings();
    button(element, 'Remove server 1').click();
    await settled(element);
    expect(lastSettings()?.iceServers).toEqual([DEFAULT_SETTINGS.iceServers[1]]);
    expect(allByRole(element, 'textbox')).toHaveLength(1);
    button(element, 'Restore defaults').click();
    await settled(element);
    expect(lastSettings()?.iceServers).toEqual(DEFAULT_SETTINGS.iceServers);
    expect(allByRole(element, 'textbox')).toHaveLength(2);
  });

  test('timing in seconds is sent up in milliseconds', async () => {
    const { element, lastSettings } = await mountSettings();
    type(number(element, 'Connection timeout after the answer (s)'), '45', { change: true });
    expect(lastSettings()).toEqual({ ...DEFAULT_SETTINGS, connectTimeoutMs: 45_000 });
    type(number(element, 'Stop after no new address for (ms)'), '250', { change: true });
    expect(lastSettings()?.gatherQuietMs).toBe(250);
  });

  test('new settings from outside re-render the form', async () => {
    const { element } = await mountSettings();
    element.settings = { ...DEFAULT_SETTINGS, iceServers: [], answerTimeoutMs: 60_000 };
    await settled(element);
    expect(allByRole(element, 'textbox')).toEqual([]);
    expect(number(element, 'Answer waits to be used for (s)').value).toBe('60');
  });

  test('Relay only: a checkbox with its hint; without a TURN server it says that nothing would connect', async () => {
    const turn = { urls: 'turn:10.99.0.2:3478', username: 'alice', credential: 'wonderland' };
    const { element, lastSettings } = await mountSettings();
    const box = getByRole(element, 'checkbox', 'Relay only') as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(visibleText(element)).toContain('Hide my address from the other device');
    expect(visibleText(element)).toContain('This needs a TURN server above; without one nothing connects.');
    box.click();
    expect(lastSettings()).toEqual({ ...DEFAULT_SETTINGS, relayOnly: true });

    element.settings = { ...DEFAULT_SETTINGS, iceServers: [turn], relayOnly: true };
    await settled(element);
    expect((getByRole(element, 'checkbox', 'Relay only') as HTMLInputElement).checked).toBe(true);
    expect(visibleText(element)).not.toContain('This needs a TURN server');
    getByRole(element, 'checkbox', 'Relay only').click();
    expect(lastSettings()).toEqual({ ...DEFAULT_SETTINGS, iceServers: [turn], relayOnly: false });
  });
});
