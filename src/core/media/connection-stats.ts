/** One reading of the link, in the words the Stats panel uses. */
export interface StatsSummary {
  readonly at: number;
  readonly connectionType: 'direct on LAN' | 'through NAT' | 'relayed via TURN' | 'unknown';
  readonly local?: CandidateSummary;
  readonly remote?: CandidateSummary;
  readonly rttMs?: number;
  readonly sendKbps?: number;
  readonly receiveKbps?: number;
  readonly video?: { readonly width: number; readonly height: number; readonly fps?: number };
  readonly packetsLost: number;
  readonly packetsReceived: number;
  /** Running totals, kept so that the next reading can turn them into rates. */
  readonly bytesSent: number;
  readonly bytesReceived: number;
}

export interface CandidateSummary {
  readonly type: string;
  readonly address: string;
  readonly protocol?: string;
}

type Stat = Record<string, unknown> & { type: string; id: string };

/**
 * Reduces a getStats() report to what a person wants to know. Pure: takes the report as a map
 * (RTCStatsReport is one) and the previous summary for rates.
 */
export function summarizeStats(report: ReadonlyMap<string, unknown>, previous?: StatsSummary, at = Date.now()): StatsSummary {
  const stats = [...report.values()] as Stat[];
  const pair = selectedPair(stats, report);
  const local = pair ? candidate(report.get(pair['localCandidateId'] as string)) : undefined;
  const remote = pair ? candidate(report.get(pair['remoteCandidateId'] as string)) : undefined;
  const bytesSent = Number(pair?.['bytesSent'] ?? 0);
  const bytesReceived = Number(pair?.['bytesReceived'] ?? 0);
  const seconds = previous ? (at - previous.at) / 1000 : 0;
  const rate = (now: number, before: number | undefined) =>
    seconds > 0 && before !== undefined ? Math.max(0, ((now - before) * 8) / 1000 / seconds) : undefined;
  const inboundVideo = stats.find((s) => s.type === 'inbound-rtp' && s['kind'] === 'video' && Number(s['frameWidth']) > 0);
  const inbound = stats.filter((s) => s.type === 'inbound-rtp');
  const rtt = pair?.['currentRoundTripTime'];
  return {
    at,
    connectionType: connectionType(local, remote),
    ...(local ? { local } : {}),
    ...(remote ? { remote } : {}),
    ...(typeof rtt === 'number' ? { rttMs: rtt * 1000 } : {}),
    ...optional('sendKbps', rate(bytesSent, previous?.bytesSent)),
    ...optional('receiveKbps', rate(bytesReceived, previous?.bytesReceived)),
    ...(inboundVideo
      ? {
          video: {
            width: Number(inboundVideo['frameWidth']),
            height: Number(inboundVideo['frameHeight']),
            ...optional('fps', inboundVideo['framesPerSecond'] as number | undefined),
          },
        }
      : {}),
    packetsLost: inbound.reduce((sum, s) => sum + Math.max(0, Number(s['packetsLost'] ?? 0)), 0),
    packetsReceived: inbound.reduce((sum, s) => sum + Number(s['packetsReceived'] ?? 0), 0),
    bytesSent,
    bytesReceived,
  };
}

function optional<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return (typeof value === 'number' && Number.isFinite(value) ? { [key]: value } : {}) as { [P in K]?: number };
}

function selectedPair(stats: Stat[], report: ReadonlyMap<string, unknown>): Stat | undefined {
  const transport = stats.find((s) => s.type === 'transport' && typeof s['selectedCandidatePairId'] === 'string');
  const viaTransport = transport ? (report.get(transport['selectedCandidatePairId'] as string) as Stat | undefined) : undefined;
  // Firefox has no selectedCandidatePairId; it flags the pair instead.
  return (
    viaTransport ??
    stats.find((s) => s.type === 'candidate-pair' && s['selected'] === true) ??
    stats.find((s) => s.type === 'candidate-pair' && s['nominated'] === true && s['state'] === 'succeeded')
  );
}

function candidate(stat: unknown): CandidateSummary | undefined {
  if (typeof stat !== 'object' || stat === null) return undefined;
  const record = stat as Stat;
  const address = String(record['address'] ?? record['ip'] ?? '');
  const port = record['port'];
  return {
    type: String(record['candidateType'] ?? 'unknown'),
    address: port === undefined ? address : `${address}:${String(port)}`,
    ...(typeof record['protocol'] === 'string' ? { protocol: record['protocol'] } : {}),
  };
}

function connectionType(local?: CandidateSummary, remote?: CandidateSummary): StatsSummary['connectionType'] {
  if (!local || !remote) return 'unknown';
  if (local.type === 'relay' || remote.type === 'relay') return 'relayed via TURN';
  if (local.type === 'srflx' || remote.type === 'srflx') return 'through NAT';
  if (local.type === 'prflx' || remote.type === 'prflx') {
    return isPrivate(local.address) && isPrivate(remote.address) ? 'direct on LAN' : 'through NAT';
  }
  return 'direct on LAN';
}

/** RFC 1918, link-local, ULA, loopback and mDNS names: addresses that never cross a NAT. */
export function isPrivate(address: string): boolean {
  const host = address.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return (
    /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|127\.)/.test(host) ||
    /^(f[cd]|fe80|::1$)/i.test(host) ||
    host.endsWith('.local')
  );
}
