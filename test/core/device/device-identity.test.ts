import { describe, expect, test } from 'vitest';
import { isUsable, needsRenewal, RENEW_BEFORE_MS } from '../../../src/core/device/certificate-renewal.ts';
import { DeviceIdentity } from '../../../src/core/device/device-identity.ts';
import { memoryIdentityStore } from '../../helpers/node-platform.ts';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2026, 0, 1);

/** A clock the test moves, and certificates that expire a year after the clock's time when made. */
function setup() {
  const clock = { now: START };
  let made = 0;
  const store = memoryIdentityStore(async () => {
    made++;
    return { expires: clock.now + 365 * DAY, getFingerprints: () => [{ algorithm: 'sha-256', value: `cert-${made}` }] } as RTCCertificate;
  });
  const identity = new DeviceIdentity(store, () => clock.now);
  const certificateIn = () => identity.withCertificate({ iceServers: [] }).certificates?.[0]?.getFingerprints()[0]?.value;
  return { clock, store, identity, certificateIn, made: () => made };
}

describe('the renewal rule', () => {
  test('a certificate is renewed once it expires within 30 days, and used until a minute before it expires', () => {
    expect(RENEW_BEFORE_MS).toBe(30 * DAY);
    expect(needsRenewal(START + 31 * DAY, START)).toBe(false);
    expect(needsRenewal(START + 29 * DAY, START)).toBe(true);
    expect(needsRenewal(START - DAY, START)).toBe(true);
    expect(isUsable(START + 29 * DAY, START)).toBe(true);
    expect(isUsable(START + 30_000, START)).toBe(false);
  });
});

describe('DeviceIdentity', () => {
  test('makes a certificate at start-up, saves it, and puts the same one into every connection', async () => {
    const { store, identity, certificateIn, made } = setup();
    // Before start-up is done, the browser's own certificate is used: the config goes through as it was.
    expect(identity.withCertificate({ iceServers: [] })).toEqual({ iceServers: [] });
    await identity.ready;
    expect(certificateIn()).toBe('cert-1');
    expect(certificateIn()).toBe('cert-1');
    expect(store.certificate?.getFingerprints()[0]?.value).toBe('cert-1');
    expect(made()).toBe(1);
  });

  test('a later session loads the saved certificate instead of making one', async () => {
    const first = setup();
    await first.identity.ready;
    const later = new DeviceIdentity(first.store, () => first.clock.now + 300 * DAY);
    await later.ready;
    expect(later.withCertificate({}).certificates?.[0]).toBe(first.store.certificate);
    expect(first.made()).toBe(1);
  });

  test('a saved certificate that expires within 30 days is replaced at start-up', async () => {
    const first = setup();
    await first.identity.ready;
    first.clock.now = START + 340 * DAY;
    const later = new DeviceIdentity(first.store, () => first.clock.now);
    await later.ready;
    expect(later.withCertificate({}).certificates?.[0]?.getFingerprints()[0]?.value).toBe('cert-2');
    expect(first.store.certificate?.getFingerprints()[0]?.value).toBe('cert-2');
  });

  test('a page left open renews the certificate when a connection is made close to its expiry', async () => {
    const { clock, identity, certificateIn, made } = setup();
    await identity.ready;
    clock.now = START + 340 * DAY;
    // Still valid for 25 days: this connection keeps it while the new one is made…
    expect(certificateIn()).toBe('cert-1');
    expect(certificateIn()).toBe('cert-1');
    await identity.ready;
    // …and only one renewal ran for the two connections.
    expect(made()).toBe(2);
    expect(certificateIn()).toBe('cert-2');
  });

  test('an expired certificate is never handed to a connection', async () => {
    const store = memoryIdentityStore(async () => undefined);
    await store.saveCertificate({ expires: START - DAY } as RTCCertificate);
    const identity = new DeviceIdentity(store, () => START);
    await identity.ready;
    expect(identity.withCertificate({ iceServers: [] })).toEqual({ iceServers: [] });
  });

  test('tells a device met before from a new one, and remembers each', async () => {
    const { identity, store } = setup();
    expect(await identity.recognise('sha-256 AA:BB')).toBe('new');
    expect(await identity.recognise('sha-256 AA:BB')).toBe('known');
    expect(await identity.recognise('sha-256 CC:DD')).toBe('new');
    expect([...store.known]).toEqual(['sha-256 AA:BB', 'sha-256 CC:DD']);
  });

  test('forget() drops the known devices and the certificate, and makes a new one', async () => {
    const { identity, certificateIn } = setup();
    await identity.ready;
    await identity.recognise('sha-256 AA:BB');
    expect(await identity.forget()).toBe(true);
    expect(certificateIn()).toBe('cert-2');
    expect(await identity.recognise('sha-256 AA:BB')).toBe('new');
  });

  test('forget() says so when the store cannot be cleared, and the certificate stays', async () => {
    const { identity, store, certificateIn } = setup();
    await identity.ready;
    store.clear = async () => {
      throw new Error('storage refused');
    };
    expect(await identity.forget()).toBe(false);
    expect(certificateIn()).toBe('cert-1');
  });

  test('a store that fails leaves the browser its own certificate', async () => {
    const store = memoryIdentityStore(async () => {
      throw new Error('no IndexedDB here');
    });
    const identity = new DeviceIdentity(store, () => START);
    await identity.ready;
    expect(identity.withCertificate({ iceServers: [] })).toEqual({ iceServers: [] });
  });
});
