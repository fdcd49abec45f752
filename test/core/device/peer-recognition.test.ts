import { describe, expect, test } from 'vitest';
import { DeviceIdentity } from '../../../src/core/device/device-identity.ts';
import { dtlsFingerprint } from '../../../src/core/device/dtls-fingerprint.ts';
import { PeerRecognition } from '../../../src/core/device/peer-recognition.ts';
import type { FeatureLink } from '../../../src/core/session/feature.ts';
import { memoryIdentityStore } from '../../helpers/node-platform.ts';
import { readFileSync } from 'node:fs';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/sdp/${name}.sdp`, import.meta.url), 'utf8');

/** The part of an open link the recognition reads: the peer's description. */
function linkTo(sdp: string): FeatureLink {
  return { pc: { remoteDescription: { type: 'answer', sdp } } as RTCPeerConnection, polite: false, send: () => true, connected: () => true };
}

function changed(target: PeerRecognition): Promise<void> {
  return new Promise((resolve) => target.addEventListener('change', () => resolve(), { once: true }));
}

describe('dtlsFingerprint', () => {
  test('reads the fingerprint of Chromium, Firefox and libdatachannel descriptions, written one way', () => {
    for (const name of ['chromium156-offer-data-ip', 'firefox153-answer-data-ip', 'libdatachannel-offer-data-ip']) {
      const line = /^a=fingerprint:sha-256 (.+)$/m.exec(fixture(name))![1]!.trim();
      expect(dtlsFingerprint(fixture(name))).toBe(`sha-256 ${line.toUpperCase()}`);
    }
    expect(dtlsFingerprint('a=fingerprint:SHA-256 ab:0c\r\n')).toBe('sha-256 AB:0C');
    expect(dtlsFingerprint('v=0\r\na=ice-ufrag:x\r\n')).toBeUndefined();
  });
});

describe('PeerRecognition', () => {
  const sdp = 'v=0\r\na=fingerprint:sha-256 AB:CD:EF\r\n';

  test('a device is new the first time, the same device as before in the next session', async () => {
    const recognition = new PeerRecognition(new DeviceIdentity(memoryIdentityStore()));
    expect(recognition.peer).toBeUndefined();
    let next = changed(recognition);
    recognition.attach(linkTo(sdp));
    await next;
    expect(recognition.peer).toBe('new');

    recognition.detach();
    recognition.reset();
    expect(recognition.peer).toBeUndefined();
    next = changed(recognition);
    recognition.attach(linkTo(sdp));
    await next;
    expect(recognition.peer).toBe('known');
  });

  test('a reconnect to the device of the last link: the same device as before, though it was new then', async () => {
    const recognition = new PeerRecognition(new DeviceIdentity(memoryIdentityStore()));
    const next = changed(recognition);
    recognition.attach(linkTo(sdp));
    await next;
    expect(recognition.peer).toBe('new');
    recognition.detach();
    recognition.attach(linkTo(sdp));
    expect(recognition.peer).toBe('known');
  });

  test('after forget, the device met before is new again', async () => {
    const identity = new DeviceIdentity(memoryIdentityStore());
    await identity.recognise('sha-256 AB:CD:EF');
    await identity.forget();
    const recognition = new PeerRecognition(identity);
    const next = changed(recognition);
    recognition.attach(linkTo(sdp));
    await next;
    expect(recognition.peer).toBe('new');
  });

  test('the answer for a session reset meanwhile is not shown', async () => {
    const recognition = new PeerRecognition(new DeviceIdentity(memoryIdentityStore()));
    recognition.attach(linkTo(sdp));
    recognition.reset();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(recognition.peer).toBeUndefined();
  });

  test('without a platform identity nothing is told', () => {
    const recognition = new PeerRecognition(undefined);
    recognition.attach(linkTo(sdp));
    expect(recognition.peer).toBeUndefined();
  });
});
