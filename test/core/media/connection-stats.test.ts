import { describe, expect, test } from 'vitest';
import { isPrivate, summarizeStats } from '../../../src/core/media/connection-stats.ts';

function report(localType: string, remoteType: string, extra: Record<string, unknown>[] = [], bytes = 0) {
  const entries = [
    { id: 'T', type: 'transport', selectedCandidatePairId: 'P' },
    { id: 'P', type: 'candidate-pair', localCandidateId: 'L', remoteCandidateId: 'R', currentRoundTripTime: 0.012, bytesSent: bytes, bytesReceived: bytes * 2 },
    { id: 'L', type: 'local-candidate', candidateType: localType, address: '10.99.0.2', port: 5000, protocol: 'udp' },
    { id: 'R', type: 'remote-candidate', candidateType: remoteType, address: '203.0.113.7', port: 6000, protocol: 'udp' },
    ...extra,
  ];
  return new Map(entries.map((entry) => [entry['id'] as string, entry]));
}

describe('summarizeStats', () => {
  test('names the path in plain words', () => {
    expect(summarizeStats(report('host', 'host')).connectionType).toBe('direct on LAN');
    expect(summarizeStats(report('host', 'srflx')).connectionType).toBe('through NAT');
    expect(summarizeStats(report('relay', 'host')).connectionType).toBe('relayed via TURN');
    expect(summarizeStats(new Map()).connectionType).toBe('unknown');
  });

  test('RTT, addresses, video and rates from two readings', () => {
    const video = { id: 'V', type: 'inbound-rtp', kind: 'video', frameWidth: 640, frameHeight: 480, framesPerSecond: 20, packetsLost: 3, packetsReceived: 997 };
    const first = summarizeStats(report('host', 'host', [video], 0), undefined, 1000);
    const second = summarizeStats(report('host', 'host', [video], 125_000), first, 2000);
    expect(second.rttMs).toBeCloseTo(12);
    expect(second.local).toEqual({ type: 'host', address: '10.99.0.2:5000', protocol: 'udp' });
    expect(second.sendKbps).toBeCloseTo(1000);
    expect(second.receiveKbps).toBeCloseTo(2000);
    expect(second.video).toEqual({ width: 640, height: 480, fps: 20 });
    expect([second.packetsLost, second.packetsReceived]).toEqual([3, 997]);
    expect(first.sendKbps).toBeUndefined();
  });

  test('private addresses', () => {
    for (const address of ['10.1.2.3', '192.168.0.4:9', '172.20.0.1', 'fd00::2', 'abc.local']) expect(isPrivate(address)).toBe(true);
    for (const address of ['203.0.113.7', '8.8.8.8:53', '2001:db8::1']) expect(isPrivate(address)).toBe(false);
  });
});
