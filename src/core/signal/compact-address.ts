import type { BitReader } from './bit-reader.ts';
import type { BitWriter } from './bit-writer.ts';
import { sameAddress, type Address } from './candidate-address.ts';
import type { DataCandidate } from './data-description.ts';

/** Address forms (2 bits), each followed by its payload. */
const ADDRESS = { ipv4: 0, ipv6: 1, mdns: 2, earlier: 3 } as const;

/**
 * An address: IPv4 (32 bits), IPv6 (two halves), an mDNS UUID (122 bits), or the index of an
 * earlier candidate with the same address (Firefox's TCP candidates repeat the UDP host's name).
 */
export function writeAddress(writer: BitWriter, address: Address, earlier: readonly DataCandidate[]): void {
  const index = earlier.findIndex((candidate) => sameAddress(candidate.address, address));
  if (index >= 0) {
    writer.write(ADDRESS.earlier, 2);
    writer.write(index, indexBits(earlier.length));
    return;
  }
  writer.write(ADDRESS[address.kind], 2);
  if (address.kind === 'mdns') writeUuidV4(writer, address.bytes);
  else if (address.kind === 'ipv6') writeIpv6(writer, address.bytes, earlier);
  else writer.writeBytes(address.bytes);
}

export function readAddress(reader: BitReader, earlier: readonly DataCandidate[]): Address | undefined {
  const form = reader.read(2);
  if (form === ADDRESS.ipv4) return { kind: 'ipv4', bytes: reader.readBytes(4) };
  if (form === ADDRESS.ipv6) {
    const bytes = readIpv6(reader, earlier);
    return bytes && { kind: 'ipv6', bytes };
  }
  if (form === ADDRESS.mdns) return { kind: 'mdns', bytes: readUuidV4(reader) };
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
