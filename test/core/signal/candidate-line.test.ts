import { describe, expect, it } from 'vitest';
import { formatCandidateLine, parseCandidateLine } from '../../../src/core/signal/internal/candidate-line.ts';

describe('parseCandidateLine', () => {
  it('reads a Chromium srflx candidate with its extensions', () => {
    const line = '3573271650 1 udp 1677729535 203.0.113.7 61000 typ srflx raddr 0.0.0.0 rport 0 generation 0 network-cost 999';
    const candidate = parseCandidateLine(line);
    expect(candidate).toMatchObject({
      foundation: '3573271650',
      component: 1,
      protocol: 'udp',
      priority: 1677729535,
      address: '203.0.113.7',
      port: 61000,
      type: 'srflx',
      relatedAddress: '0.0.0.0',
      relatedPort: 0,
    });
    expect([...candidate!.extensions]).toEqual([['generation', '0'], ['network-cost', '999']]);
    expect(formatCandidateLine(candidate!)).toBe(line);
  });

  it("reads Firefox's upper-case transport and tcptype", () => {
    const candidate = parseCandidateLine('2 1 TCP 2105524479 1699f276-b8d3-45b3-ba7d-a3a21ba7ab36.local 9 typ host tcptype active');
    expect(candidate).toMatchObject({ protocol: 'tcp', tcpType: 'active', port: 9, type: 'host' });
  });

  it('refuses malformed candidates', () => {
    for (const line of [
      '',
      '1 1 udp 1 1.2.3.4 5 host',
      '1 1 sctp 1 1.2.3.4 5 typ host',
      '1 0 udp 1 1.2.3.4 5 typ host',
      '1 1 udp 4294967296 1.2.3.4 5 typ host',
      '1 1 udp 1 1.2.3.4 65536 typ host',
      '1 1 udp 1 1.2.3.4 5 typ srflx raddr 0.0.0.0',
      '1 1 udp 1 1.2.3.4 5 typ srflx rport 0 raddr',
      '1 1 udp 1 1.2.3.4 5 typ host generation 0 generation 1',
      'bad-foundation 1 udp 1 1.2.3.4 5 typ host',
    ]) {
      expect(parseCandidateLine(line), line).toBeUndefined();
    }
  });
});
