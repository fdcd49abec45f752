import type { BitReader } from './bit-reader.ts';
import type { BitWriter } from './bit-writer.ts';
import { sameAddress, type Address } from './candidate-address.ts';
import type { DataCandidate } from './data-description.ts';

/** Address forms, in the order of their 2-bit number where one is written (related addresses). */
export const ADDRESS_FORMS = ['ipv4', 'ipv6', 'mdns', 'earlier'] as const;
export type AddressForm = (typeof ADDRESS_FORMS)[number];

/**
 * IPv4 (32 bits), IPv6 (two halves), an mDNS UUID (122 bits), or — whenever an earlier candidate
 * has the same address — that candidate's index (Firefox's TCP candidates repeat the UDP host's name).
 */
export function addressFormOf(address: Address, earlier: readonly DataCandidate[]): AddressForm {
  return earlier.some((candidate) => sameAddress(candidate.address, address)) ? 'earlier' : address.kind;
}

/** An address with its form in front (2 bits): how related addresses are written. */
export function writeAddress(writer: BitWriter, address: Address, earlier: readonly DataCandidate[]): void {
  const form = addressFormOf(address, earlier);
  writer.write(ADDRESS_FORMS.indexOf(form), 2);
  writeAddressPayload(writer, form, address, earlier);
}

export function readAddress(reader: BitReader, earlier: readonly DataCandidate[]): Address | undefined {
  return readAddressPayload(reader, ADDRESS_FORMS[reader.read(2)]!, earlier);
}

/** The address in `form`, which must be addressFormOf(address, earlier). */
export function writeAddressPayload(
  writer: BitWriter,
  form: AddressForm,
  address: Address,
  earlier: readonly DataCandidate[],
): void {
  if (form === 'earlier') {
    writer.write(earlier.findIndex((candidate) => sameAddress(candidate.address, address)), indexBits(earlier.length));
  } else if (form === 'mdns') {
    writeUuidV4(writer, address.bytes);
  } else if (form === 'ipv6') {
    writeIpv6(writer, address.bytes, earlier);
  } else {
    writer.writeBytes(address.bytes);
  }
}

/** Undefined for an index out of range or an IPv6 half taken from a non-IPv6 address. */
export function readAddressPayload(reader: BitReader, form: AddressForm, earlier: readonly DataCandidate[]): Address | undefined {
  if (form === 'ipv4') return { kind: 'ipv4', bytes: reader.readBytes(4) };
  if (form === 'ipv6') {
    const bytes = readIpv6(reader, earlier);
    return bytes && { kind: 'ipv6', bytes };
  }
  if (form === 'mdns') return { kind: 'mdns', bytes: readUuidV4(reader) };
  return earlier[readIndex(reader, earlier.length) ?? -1]?.address;
}

/**
 * An IPv6 address as two 64-bit halves, network prefix and interface identifier, each either
 * literal (flag 0, 64 bits) or taken from an earlier IPv6 candidate (flag 1, index). Addresses of
 * one host repeat halves: a stable and a temporary address share their /64, and EUI-64 or
 * otherwise fixed identifiers repeat across prefixes (ULA and global).
 */
function writeIpv6(writer: BitWriter, bytes: Uint8Array, earlier: readonly DataCandidate[]): void {
  for (const half of [0, 8]) {
    const part = bytes.subarray(half, half + 8);
    const index = earlier.findIndex(
      ({ address }) => address.kind === 'ipv6' && address.bytes.subarray(half, half + 8).every((byte, i) => byte === part[i]),
    );
    writer.write(index >= 0 ? 1 : 0, 1);
    if (index >= 0) writer.write(index, indexBits(earlier.length));
    else writer.writeBytes(part);
  }
}

function readIpv6(reader: BitReader, earlier: readonly DataCandidate[]): Uint8Array | undefined {
  const bytes = new Uint8Array(16);
  for (const half of [0, 8]) {
    if (reader.read(1) === 0) {
      bytes.set(reader.readBytes(8), half);
      continue;
    }
    const source = earlier[readIndex(reader, earlier.length) ?? -1]?.address;
    if (source?.kind !== 'ipv6') return undefined;
    bytes.set(source.bytes.subarray(half, half + 8), half);
  }
  return bytes;
}

/**
 * A version 4 UUID has 6 fixed bits (version nibble 0100 in byte 6, variant bits 10 in byte 8);
 * only the other 122 are sent. parseAddress accepts only such UUIDs as mDNS names.
 */
function writeUuidV4(writer: BitWriter, bytes: Uint8Array): void {
  writer.writeBytes(bytes.subarray(0, 6));
  writer.write(bytes[6]! & 0x0f, 4);
  writer.write(bytes[7]!, 8);
  writer.write(bytes[8]! & 0x3f, 6);
  writer.writeBytes(bytes.subarray(9));
}

function readUuidV4(reader: BitReader): Uint8Array {
  const bytes = new Uint8Array(16);
  bytes.set(reader.readBytes(6));
  bytes[6] = 0x40 | reader.read(4);
  bytes[7] = reader.read(8);
  bytes[8] = 0x80 | reader.read(6);
  bytes.set(reader.readBytes(7), 9);
  return bytes;
}

/** An index among `count` earlier candidates takes ⌈log₂ count⌉ bits: none when there is one. */
export function indexBits(count: number): number {
  return count <= 1 ? 0 : (count - 1).toString(2).length;
}

export function readIndex(reader: BitReader, count: number): number | undefined {
  if (count === 0) return undefined;
  const index = reader.read(indexBits(count));
  return index < count ? index : undefined;
}
