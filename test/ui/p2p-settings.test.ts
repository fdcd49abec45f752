// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import '../../src/ui/components/p2p-settings.ts';
import type { ConfigurationProbe } from '../../src/core/settings/configuration-probe.ts';
import { SettingsModel } from '../../src/core/settings/settings-model.ts';
import { DEFAULT_SETTINGS, serializeSettings, type Settings } from '../../src/core/settings/settings.ts';
import { allByRole, button, buttonNames, getByRole, mount, settled, type, visibleText } from './mount.ts';

const field = (element: HTMLElement, name: string) => getByRole(element, 'textbox', name) as HTMLInputElement;
const number = (element: HTMLElement, name: string) => getByRole(element, 'spinbutton', name) as HTMLInputElement;
const turn = { urls: 'turn:10.99.0.2:3478', username: 'alice', credential: 'wonderland' };

/** The form over a real SettingsModel on a memory store; `stored()` is what the store holds now. */
async function mountSettings(settings: Settings = DEFAULT_SETTINGS, probe?: ConfigurationProbe) {
  let text: string | null = settings === DEFAULT_SETTINGS ? null : serializeSettings(settings);
  let saves = 0;
  const model = new SettingsModel({ load: () => text, save: (next) => void ((text = next), saves++) }, probe);
  const element = await mount('p2p-settings', { model });
  const stored = () => (text === null ? undefined : (JSON.parse(text) as Settings));
  return { element, model, stored, saves: () => saves };
}

/** Types into a field and leaves it, as a user does; the form is re-rendered after. */
async function fill(element: HTMLElement, name: string, value: string) {
  type(field(element, name), value, { change: true });
  await settled(element);
}

describe('p2p-settings', () => {
  test('shows the ICE servers and the timing, in the units the labels name', async () => {
    const { element } = await mountSettings();
    expect(field(element, 'Server 1 URL').value).toBe('stun:stun.l.google.com:19302');
    expect(field(element, 'Server 2 URL').value).toBe('stun:stun.cloudflare.com:3478');
    expect(buttonNames(element)).toEqual(['Remove server 1', 'Remove server 2', 'Add server', 'Restore defaults']);
    expect(number(element, 'Address search limit (ms)').value).toBe('1500');
    expect(number(element, 'Connection timeout after the answer (s)').value).toBe('30');
    expect(number(element, 'Answer waits to be used for (s)').value).toBe('180');
  });

  test('an edited server URL is saved', async () => {
    const { element, stored } = await mountSettings();
    await fill(element, 'Server 2 URL', ' stun:stun.example.org:3478 ');
    expect(stored()?.iceServers).toEqual([DEFAULT_SETTINGS.iceServers[0], { urls: 'stun:stun.example.org:3478' }]);
  });

  test.each([
    ['http://example.org', ['A server URL starts with stun:, stuns:, turn: or turns:.']],
    ['stun:[::1', ['The server’s name or address is not valid. An IPv6 address goes in brackets, as in stun:[2001:db8::1]:3478.']],
    ['stun:stun.example.org:70000', ['The port after the colon must be a number from 1 to 65535.']],
    ['stun:stun.example.org?transport=udp', ['After the address, only a TURN URL may have ?transport=udp or ?transport=tcp.']],
    ['stun:bad host:0', ['The server’s name or address is not valid.', 'The port after the colon must be a number from 1 to 65535.']],
  ])('%s stays in the form, marked, with a message per problem, and is not saved', async (url, messages) => {
    const { element, stored } = await mountSettings();
    await fill(element, 'Server 1 URL', url);
    const input = field(element, 'Server 1 URL');
    expect([input.value, input.getAttribute('aria-invalid')]).toEqual([url, 'true']);
    const problems = element.shadowRoot!.querySelector('p2p-ice-servers')!.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!;
    const sentences = [...problems.querySelectorAll('p')].map((p) => p.textContent);
    expect(sentences).toHaveLength(messages.length + 1);
    messages.forEach((message, i) => expect(sentences[i]).toContain(message));
    expect(sentences.at(-1)).toBe('This server is not used until this is fixed.');
    expect(stored()?.iceServers).toEqual([DEFAULT_SETTINGS.iceServers[1]]);
  });

  test('turn:host without credentials says what it needs as it is typed, and is saved only once complete', async () => {
    const { element, stored } = await mountSettings();
    expect(allByRole(element, 'textbox', /user name|password/)).toEqual([]);
    type(field(element, 'Server 1 URL'), 'turn:host');
    await settled(element);
    expect(visibleText(element)).toContain('A TURN server needs a user name.');
    expect(visibleText(element)).toContain('A TURN server needs a password.');
    expect(stored()).toBeUndefined();
    await fill(element, 'Server 1 URL', 'turn:host');
    expect(field(element, 'Server 1 user name').getAttribute('aria-invalid')).toBe('true');
    expect(stored()?.iceServers).toEqual([DEFAULT_SETTINGS.iceServers[1]]);
    await fill(element, 'Server 1 user name', 'alice');
    expect(visibleText(element)).not.toContain('A TURN server needs a user name.');
    expect(visibleText(element)).toContain('A TURN server needs a password.');
    const password = field(element, 'Server 1 password');
    expect([password.type, password.getAttribute('aria-invalid')]).toEqual(['password', 'true']);
    await fill(element, 'Server 1 password', 's3cret');
    expect(visibleText(element)).not.toContain('not used until');
    expect(stored()?.iceServers[0]).toEqual({ urls: 'turn:host', username: 'alice', credential: 's3cret' });
  });

  test('servers the browser refuses are not saved, and the form says so in the browser’s words', async () => {
    const probe: ConfigurationProbe = (config) =>
      config.iceServers?.some((server) => server.urls === 'turns:odd.example') ? { ok: false, error: 'Unsupported scheme' } : { ok: true, value: undefined };
    const { element, stored, saves } = await mountSettings(DEFAULT_SETTINGS, probe);
    await fill(element, 'Server 1 URL', 'turns:odd.example');
    await fill(element, 'Server 1 user name', 'u');
    await fill(element, 'Server 1 password', 'p');
    expect(visibleText(element)).toContain(
      'This browser refuses these servers (Unsupported scheme), so they were not saved; the servers saved before are still used.',
    );
    expect(stored()?.iceServers).toEqual([DEFAULT_SETTINGS.iceServers[1]]);
    const savesBefore = saves();
    await fill(element, 'Server 1 URL', 'turns:fine.example');
    expect(visibleText(element)).not.toContain('This browser refuses');
    expect(saves()).toBe(savesBefore + 1);
  });

  test('Add server adds an empty row, quiet and unused until it holds a usable URL', async () => {
    const { element, stored } = await mountSettings();
    button(element, 'Add server').click();
    await settled(element);
    expect(field(element, 'Server 3 URL').value).toBe('');
    expect(field(element, 'Server 3 URL').getAttribute('aria-invalid')).toBe('false');
    expect(visibleText(element)).not.toContain('not used');
    expect(stored()).toBeUndefined();
    await fill(element, 'Server 3 URL', 'stuns:stun.example.org');
    expect(stored()?.iceServers).toHaveLength(3);
  });

  test('Remove server and Restore defaults', async () => {
    const { element, stored } = await mountSettings();
    button(element, 'Remove server 1').click();
    await settled(element);
    expect(stored()?.iceServers).toEqual([DEFAULT_SETTINGS.iceServers[1]]);
    expect(allByRole(element, 'textbox')).toHaveLength(1);
    button(element, 'Restore defaults').click();
    await settled(element);
    expect(stored()?.iceServers).toEqual(DEFAULT_SETTINGS.iceServers);
    expect(allByRole(element, 'textbox')).toHaveLength(2);
  });

  test('timing in seconds is saved in milliseconds', async () => {
    const { element, stored } = await mountSettings();
    type(number(element, 'Connection timeout after the answer (s)'), '45', { change: true });
    expect(stored()).toEqual({ ...DEFAULT_SETTINGS, connectTimeoutMs: 45_000 });
    type(number(element, 'Stop after no new address for (ms)'), '250', { change: true });
    expect(stored()?.gatherQuietMs).toBe(250);
  });

  test('settings changed elsewhere re-render the form', async () => {
    const { element, model } = await mountSettings();
    model.update({ ...DEFAULT_SETTINGS, iceServers: [], answerTimeoutMs: 60_000 });
    await settled(element);
    expect(allByRole(element, 'textbox')).toEqual([]);
    expect(number(element, 'Answer waits to be used for (s)').value).toBe('60');
  });

  test('Relay only: a checkbox with its hint; without a TURN server it says that nothing would connect', async () => {
    const { element, model, stored } = await mountSettings();
    const box = getByRole(element, 'checkbox', 'Relay only') as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(visibleText(element)).toContain('Hide my address from the other device');
    expect(visibleText(element)).toContain('This needs a TURN server above; without one nothing connects.');
    box.click();
    expect(stored()).toEqual({ ...DEFAULT_SETTINGS, relayOnly: true });

    model.update({ ...DEFAULT_SETTINGS, iceServers: [turn], relayOnly: true });
    await settled(element);
    expect((getByRole(element, 'checkbox', 'Relay only') as HTMLInputElement).checked).toBe(true);
    expect(visibleText(element)).not.toContain('This needs a TURN server');
    getByRole(element, 'checkbox', 'Relay only').click();
    expect(stored()).toEqual({ ...DEFAULT_SETTINGS, iceServers: [turn], relayOnly: false });
  });
});
