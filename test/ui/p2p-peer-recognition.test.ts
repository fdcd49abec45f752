// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import '../../src/ui/components/p2p-peer-recognition.ts';
import { DeviceIdentity } from '../../src/core/device/device-identity.ts';
import { PeerRecognition } from '../../src/core/device/peer-recognition.ts';
import type { FeatureLink } from '../../src/core/session/feature.ts';
import { memoryIdentityStore } from '../helpers/node-platform.ts';
import { mount, visibleText } from './mount.ts';

const link = {
  pc: { remoteDescription: { type: 'offer', sdp: 'v=0\r\na=fingerprint:sha-256 AB:CD\r\n' } },
  polite: true,
  send: () => true,
  connected: () => true,
} as unknown as FeatureLink;

describe('p2p-peer-recognition', () => {
  test('one quiet line: a new device first, the same device as before in the next session', async () => {
    const recognition = new PeerRecognition(new DeviceIdentity(memoryIdentityStore()));
    const element = await mount('p2p-peer-recognition', { recognition });
    expect(visibleText(element)).toBe('');
    recognition.attach(link);
    await vi.waitFor(() => expect(visibleText(element)).toBe('A device you have not connected to before'));
    recognition.reset();
    await vi.waitFor(() => expect(visibleText(element)).toBe(''));
    recognition.attach(link);
    await vi.waitFor(() => expect(visibleText(element)).toBe('The same device as before'));
  });
});
