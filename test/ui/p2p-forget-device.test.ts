// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import '../../src/ui/components/p2p-settings.ts';
import { DeviceIdentity } from '../../src/core/device/device-identity.ts';
import { memoryIdentityStore } from '../helpers/node-platform.ts';
import { button, buttonNames, getByRole, mount, settled, visibleText } from './mount.ts';

const certificate = (name: string) => ({ expires: Date.now() + 1e10, getFingerprints: () => [{ algorithm: 'sha-256', value: name }] }) as RTCCertificate;

async function settingsWithIdentity() {
  let made = 0;
  const store = memoryIdentityStore(async () => certificate(`cert-${++made}`));
  const identity = new DeviceIdentity(store);
  await identity.ready;
  await identity.recognise('sha-256 AB:CD');
  const element = await mount('p2p-settings', { identity });
  return { element, store };
}

describe('Settings: Forget this device', () => {
  test('says what the device keeps, next to the button that forgets it', async () => {
    const { element } = await settingsWithIdentity();
    const group = getByRole(element, 'group', 'This device');
    expect(visibleText(group)).toContain('Other devices recognise this one by a key kept in this browser');
    expect(buttonNames(element)).toContain('Forget this device');
  });

  test('forgets the certificate and the known devices, and says so', async () => {
    const { element, store } = await settingsWithIdentity();
    button(element, 'Forget this device').click();
    await vi.waitFor(() => expect(visibleText(element)).toContain('Forgotten. From the next connection, other devices see this one as new'));
    expect(store.known.size).toBe(0);
    expect(store.certificate?.getFingerprints()[0]?.value).toBe('cert-2');
  });

  test('a storage that refuses is reported, not called forgotten', async () => {
    const { element, store } = await settingsWithIdentity();
    store.clear = async () => {
      throw new Error('refused');
    };
    button(element, 'Forget this device').click();
    await vi.waitFor(() => expect(visibleText(element)).toContain('Could not forget'));
    expect(visibleText(element)).not.toContain('Forgotten.');
    expect(store.known.size).toBe(1);
  });

  test('a platform that keeps no identity shows no such part', async () => {
    const element = await mount('p2p-settings', {});
    await settled(element);
    expect(buttonNames(element)).not.toContain('Forget this device');
  });
});
