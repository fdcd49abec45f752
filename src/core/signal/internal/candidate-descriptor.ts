import type { BitReader } from './bit-reader.ts';
import type { BitWriter } from './bit-writer.ts';
import { ADDRESS_FORMS, type AddressForm } from './compact-address.ts';
import { CANDIDATE_TRANSPORTS, CANDIDATE_TYPES, type CandidateTransport, type CandidateType } from './data-description.ts';
import { PrefixCode } from './prefix-code.ts';

/** How a non-host candidate's raddr/rport is sent (docs/blob-format.md §4.2). */
const RELATED_FORMS = ['unspecified', 'own', 'earlier', 'explicit'] as const;
export type RelatedForm = (typeof RELATED_FORMS)[number];

/** Everything about a candidate but its payload (addresses, ports, indexes). */
export interface CandidateShape {
  readonly type: CandidateType;
  readonly transport: CandidateTransport;
  readonly address: AddressForm;
  /** Non-host candidates only. */
  readonly related?: RelatedForm | undefined;
}

/**
 * The descriptor in front of each candidate, and the end of the list, as one prefix code. The
 * shapes browsers produce most get 2–5 bits; any other shape is spelt out after `general`
 * (type 2, transport 2, address form 2, related form 2 for non-host candidates): 11 or 13 bits.
 * Presets are named by shapeKey(). An end marker (2 bits) is cheaper than a 4-bit count for the
 * one-to-three-candidate descriptions that matter most.
 */
const DESCRIPTOR = new PrefixCode<string>([
  ['00', 'end'],
  ['01', 'host udp mdns'], // both browsers' default: the host address hidden behind mDNS
  ['100', 'host udp ipv4'],
  ['101', 'srflx udp ipv4 unspecified'], // behind NAT, with an mDNS host: raddr 0.0.0.0 rport 0
  ['1100', 'host tcp-active earlier'], // Firefox's (and IP-exposing Chromium's) TCP twin of a UDP host
  ['1101', 'srflx udp ipv4 earlier'], // behind NAT, with an IP host: raddr/rport of that host
  ['1110', 'relay udp ipv4 own'], // Firefox's TURN candidates
  ['11110', 'host udp ipv6'],
  ['11111', 'general'],
]);

function shapeKey(shape: CandidateShape): string {
  return [shape.type, shape.transport, shape.address, ...(shape.related ? [shape.related] : [])].join(' ');
}

/** Writes the descriptor of `shape`, or with undefined the end of the list. */
export function writeShape(writer: BitWriter, shape: CandidateShape | undefined): void {
  if (!shape) return DESCRIPTOR.write(writer, 'end');
  const key = shapeKey(shape);
  if (isPreset(key)) return DESCRIPTOR.write(writer, key);
  DESCRIPTOR.write(writer, 'general');
  writer.write(CANDIDATE_TYPES.indexOf(shape.type), 2);
  writer.write(CANDIDATE_TRANSPORTS.indexOf(shape.transport), 2);
  writer.write(ADDRESS_FORMS.indexOf(shape.address), 2);
  if (shape.related) writer.write(RELATED_FORMS.indexOf(shape.related), 2);
}

/**
 * A shape, 'end', or undefined for a general descriptor that spells out a preset (no encoder
 * writes that; refusing it catches some damage).
 */
export function readShape(reader: BitReader): CandidateShape | 'end' | undefined {
  const symbol = DESCRIPTOR.read(reader);
  if (symbol === 'end') return 'end';
  if (symbol !== 'general') return symbol === undefined ? undefined : parseKey(symbol);
  const type = CANDIDATE_TYPES[reader.read(2)]!;
  const transport = CANDIDATE_TRANSPORTS[reader.read(2)]!;
  const address = ADDRESS_FORMS[reader.read(2)]!;
  const related = type === 'host' ? undefined : RELATED_FORMS[reader.read(2)]!;
  const shape = { type, transport, address, related };
  return isPreset(shapeKey(shape)) ? undefined : shape;
}

function isPreset(key: string): boolean {
  return DESCRIPTOR.has(key) && key !== 'end' && key !== 'general';
}

function parseKey(key: string): CandidateShape {
  const [type, transport, address, related] = key.split(' ') as [CandidateType, CandidateTransport, AddressForm, RelatedForm?];
  return { type, transport, address, related };
}
