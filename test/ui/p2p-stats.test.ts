// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import '../../src/ui/components/p2p-stats.ts';
import { getByRole, mount, settled, visibleText } from './mount.ts';

/** A getStats() report of a direct link, `bytes` sent and twice that received so far. */
function statsReport(bytes: number): RTCStatsReport {
  const stats: Record<string, Record<string, unknown>> = {
    T: { type: 'transport', selectedCandidatePairId: 'P' },
    P: { type: 'candidate-pair', localCandidateId: 'L', remoteCandidateId: 'R', currentRoundTripTime: 0.0123, bytesSent: bytes, bytesReceived: 2 * bytes },
    L: { type: 'local-candidate', candidateType: 'host', address: '192.168.1.20', port: 50000, protocol: 'udp' },
    R: { type: 'remote-candidate', candidateType: 'host', address: '192.168.1.30', port: 50001 },
    V: { type: 'inbound-rtp', kind: 'video', frameWidth: 1280, frameHeight: 720, framesPerSecond: 29.6, packetsLost: 5, packetsReceived: 995 },
  };
  return new Map(Object.entries(stats).map(([id, stat]) => [id, { id, ...stat }])) as unknown as RTCStatsReport;
}

/** What the panel lists, as term → value. */
function definitions(element: HTMLElement): Record<string, string> {
  const terms = [...element.shadowRoot!.querySelectorAll('dt')];
  return Object.fromEntries(terms.map((term) => [visibleText(term), visibleText(term.nextElementSibling!)]));
}

beforeEach(() => {
  // Intervals and the clock are faked (the panel polls every second); timeouts stay real for mount().
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
});

afterEach(() => {
  vi.useRealTimers();
});

async function tick(element: HTMLElement): Promise<void> {
  vi.advanceTimersByTime(1000);
  await settled(element);
}

describe('p2p-stats', () => {
  test('says Measuring… until the first reading', async () => {
    const element = await mount('p2p-stats', { read: async () => undefined });
    expect(visibleText(getByRole(element, 'group', 'Stats'))).toBe('Stats Measuring…');
  });

  test('the first reading in plain words', async () => {
    const element = await mount('p2p-stats', { read: async () => statsReport(0) });
    // Tucked away, the panel's summary still says how the devices are linked and how fast.
    expect(getByRole(element, 'group').hasAttribute('open')).toBe(false);
    expect(visibleText(element.shadowRoot!.querySelector('summary')!)).toBe('Stats · direct on LAN · Round trip 12.3 ms');
    expect(definitions(element)).toEqual({
      'This device': 'host 192.168.1.20:50000 (udp)',
      'Other device': 'host 192.168.1.30:50001',
      Sending: '—',
      Receiving: '—',
      'Video in': '1280×720 at 30 fps',
      'Packet loss': '0.5 % (5 lost)',
    });
  });

  test('a second later: bitrates, and the chart of the last minute', async () => {
    let bytes = 0;
    const element = await mount('p2p-stats', { read: async () => statsReport(bytes) });
    bytes = 125_000;
    await tick(element);
    expect(definitions(element)).toMatchObject({ Sending: '1000 kbit/s', Receiving: '2000 kbit/s' });
    const chart = getByRole(element, 'img');
    expect(chart.getAttribute('aria-label')).toBe(
      'Bitrate and round-trip time over the last minute: peak 3000 kbit/s, peak 12.3 ms',
    );
  });

  test('a failing read leaves the panel measuring', async () => {
    const element = await mount('p2p-stats', { read: () => Promise.reject(new Error('closed')) });
    await tick(element);
    expect(visibleText(element)).toContain('Measuring…');
  });

  test('polls once a second while on the page, and stops when it leaves', async () => {
    const read = vi.fn(async () => statsReport(0));
    const element = await mount('p2p-stats', { read });
    await tick(element);
    await tick(element);
    expect(read).toHaveBeenCalledTimes(3);
    element.remove();
    vi.advanceTimersByTime(5000);
    expect(read).toHaveBeenCalledTimes(3);
  });
});
