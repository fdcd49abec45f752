import { formatAddress, parseAddress } from './candidate-address.ts';
import { parseUint, type CandidateLine } from './candidate-line.ts';

/** What a candidate tells the remote ICE agent. */
export interface CandidateMeaning {
  readonly component: number;
  /** `udp`, or `tcp <tcptype>`. */
  readonly transport: string;
  readonly type: string;
  readonly address: string;
  readonly port: number;
  /** `address port` from raddr/rport, when present. */
  readonly related: string | undefined;
  /**
   * Position by priority among candidates of the same component and protocol (0 = highest; ties
   * share a position). ICE pairs only same-protocol candidates, and orders pairs by priority.
   */
  readonly rank: number;
  /** Chromium's network-cost minus the lowest in the section: only differences steer its choice. */
  readonly relativeCost: number;
  /** Name/value pairs other than generation, network-id and network-cost, verbatim. */
  readonly extensions: string;
}

/**
 * The candidates of one media section, sorted so that their order in the text does not count.
 * Priorities become ranks and network costs become differences: only those steer the remote agent.
 */
export function candidateMeanings(candidates: readonly CandidateLine[]): CandidateMeaning[] {
  const costOf = (c: CandidateLine): number => parseUint(c.extensions.get('network-cost') ?? '0') ?? 0;
  const lowestCost = Math.min(...candidates.map(costOf));
  const sameGroup = (a: CandidateLine, b: CandidateLine): boolean => a.component === b.component && a.protocol === b.protocol;
  const meanings = candidates.map((c) => ({
    component: c.component,
    transport: c.protocol === 'udp' ? 'udp' : `tcp ${c.tcpType ?? ''}`,
    type: c.type,
    address: canonicalAddress(c.address),
    port: c.port,
    related: c.relatedAddress === undefined ? undefined : `${canonicalAddress(c.relatedAddress)} ${c.relatedPort}`,
    rank: candidates.filter((other) => sameGroup(other, c) && other.priority > c.priority).length,
    relativeCost: costOf(c) - lowestCost,
    extensions: [...c.extensions]
      .filter(([name]) => !['generation', 'network-id', 'network-cost'].includes(name))
      .map((pair) => pair.join(' '))
      .join(' '),
  }));
  const keyed = meanings.map((meaning) => [JSON.stringify(meaning), meaning] as const);
  return keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, meaning]) => meaning);
}

function canonicalAddress(text: string): string {
  const address = parseAddress(text);
  return address ? formatAddress(address) : text.toLowerCase();
}
