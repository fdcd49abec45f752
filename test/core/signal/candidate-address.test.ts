import { describe, expect, it } from 'vitest';
import { formatAddress, parseAddress, sameAddress, unspecifiedAddress } from '../../../src/core/signal/internal/candidate-address.ts';

const roundTrip = (text: string): string | undefined => {
  const address = parseAddress(text);
  return address && formatAddress(address);
};

describe('parseAddress / formatAddress', () => {
  it('reads IPv4 dotted quads', () => {
    expect(parseAddress('203.0.113.7')).toEqual({ kind: 'ipv4', bytes: Uint8Array.of(203, 0, 113, 7) });
    expect(roundTrip('0.0.0.0')).toBe('0.0.0.0');
  });

  it('writes IPv6 as RFC 5952 canonical text', () => {
    expect(roundTrip('fd00:99::2')).toBe('fd00:99::2');
    expect(roundTrip('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(roundTrip('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(roundTrip('1:0:0:2:0:0:0:3')).toBe('1:0:0:2::3');
    expect(roundTrip('::')).toBe('::');
    expect(roundTrip('::ffff:192.0.2.1')).toBe('::ffff:c000:201');
  });

  it('reads an mDNS name as the 16 bytes of its version 4 UUID', () => {
    const name = '1a9c6d15-104f-4672-881d-1ab876ce03ed.local';
    const address = parseAddress(name);
    expect(address?.kind).toBe('mdns');
    expect(address?.bytes.length).toBe(16);
    expect(roundTrip(name)).toBe(name);
  });

  it('refuses what it cannot carry exactly', () => {
    for (const text of [
      '256.0.0.1',
      '01.2.3.4',
      '1.2.3',
      'fe80::1%eth0',
      '1::2::3',
      '1:2:3:4:5:6:7:8:9',
      '1.2.3.4::1',
      'host.example.org',
      '1a9c6d15-104f-1672-881d-1ab876ce03ed.local', // version 1 UUID
      '1A9C6D15-104F-4672-881D-1AB876CE03ED.local', // upper case
      '',
    ]) {
      expect(parseAddress(text), text).toBeUndefined();
    }
  });
});

describe('sameAddress / unspecifiedAddress', () => {
  it('compares kind and bytes', () => {
    expect(sameAddress(parseAddress('10.0.0.1')!, parseAddress('10.0.0.1')!)).toBe(true);
    expect(sameAddress(parseAddress('10.0.0.1')!, parseAddress('10.0.0.2')!)).toBe(false);
    expect(sameAddress(parseAddress('::')!, parseAddress('0.0.0.0')!)).toBe(false);
  });

  it('gives the unspecified address of the same family (IPv4 for mDNS names)', () => {
    expect(formatAddress(unspecifiedAddress(parseAddress('fd00::1')!))).toBe('::');
    expect(formatAddress(unspecifiedAddress(parseAddress('10.0.0.1')!))).toBe('0.0.0.0');
  });
});
