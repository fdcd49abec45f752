import { readFileSync, writeFileSync } from 'node:fs';

export const DIR = new URL('../../test/fixtures/sdp/', import.meta.url);
const MODULES = new URL('../../node_modules/node-datachannel/', import.meta.url);
const PACKAGE = JSON.parse(readFileSync(new URL('package.json', MODULES), 'utf8')) as { version: string };
/** The libdatachannel release node-datachannel builds on (its CMakeLists.txt GIT_TAG). */
const LIBDATACHANNEL = /GIT_TAG "v([\d.]+)"/.exec(readFileSync(new URL('CMakeLists.txt', MODULES), 'utf8'))![1]!;

export type Entry = Record<string, unknown> & { file: string };

/** How a capture was made: the fields of its index.json entry that do not come from the SDP. */
export interface Scenario {
  readonly scenario: string;
  readonly contains: string;
  readonly network: string;
  readonly iceServers: string;
  readonly iceTransportPolicy: 'all' | 'relay';
  readonly certificate: string;
  readonly bindAddress: string | undefined;
}

/** Writes the .sdp verbatim and describes it with the fields, in the order, of the browsers' entries. */
export function save(
  file: string,
  kind: 'offer' | 'answer',
  sdp: string,
  ms: number,
  shape: Scenario,
  pairedWith: string,
  outcome: Record<string, unknown>,
): Entry {
  writeFileSync(new URL(file, DIR), sdp);
  return {
    file,
    browser: 'libdatachannel',
    version: `${LIBDATACHANNEL} (node-datachannel ${PACKAGE.version})`,
    kind,
    media: 'data-only',
    mLines: sdp.match(/^m=(\S+)/gm)!.map((line) => line.slice(2)),
    chars: sdp.length,
    scenario: shape.scenario,
    contains: shape.contains,
    hostCandidates: 'raw IPs (libdatachannel has no mDNS names)',
    permission: 'none (Node)',
    network: shape.network,
    iceServers: shape.iceServers,
    iceTransportPolicy: shape.iceTransportPolicy,
    certificate: shape.certificate,
    bindAddress: shape.bindAddress ?? 'none',
    candidates: candidateSummary(sdp),
    gathering: { mode: 'non-trickle (full localDescription after gathering)', complete: true, ms },
    pairedWith,
    ...outcome,
    generator: 'scripts/capture-libdatachannel.ts (in scripts/in-netns.sh)',
  };
}

const CANDIDATE = /^a=candidate:\S+ \d+ (\S+) \d+ (\S+) \d+ typ (\S+)(?: raddr (\S+))?(?: .*?tcptype (\S+))?/gm;

function candidateSummary(sdp: string): Record<string, unknown> {
  const list = [...sdp.matchAll(CANDIDATE)].map(([, protocol, address, type, related, tcpType]) =>
    [`${type} ${protocol!.toLowerCase()}${tcpType ? `/${tcpType}` : ''} ${addressKind(address!)}`]
      .concat(related ? [`raddr ${addressKind(related)}`] : [])
      .join(' '),
  );
  const field = (i: number): string[] => [...new Set(list.map((item) => item.split(' ')[i]!))].sort();
  const related = [...new Set(list.flatMap((item) => /raddr (\S+)/.exec(item)?.[1] ?? []))].sort();
  return {
    count: list.length,
    types: field(0),
    protocols: field(1),
    addressKinds: field(2),
    relatedAddressKinds: related,
    list,
    endOfCandidates: /^a=end-of-candidates/m.test(sdp),
  };
}

function addressKind(address: string): string {
  if (address === '0.0.0.0') return 'ipv4-unspecified';
  if (address.startsWith('127.')) return 'ipv4-loopback';
  if (/^(10\.|192\.168\.)/.test(address)) return 'ipv4-private';
  if (/^(192\.0\.2|198\.51\.100|203\.0\.113)\./.test(address)) return 'ipv4-doc';
  if (/^f[cd]/i.test(address)) return 'ipv6-ula';
  if (/^2001:db8:/i.test(address)) return 'ipv6-doc';
  return address.includes(':') ? 'ipv6' : 'ipv4';
}
