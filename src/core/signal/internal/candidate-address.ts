/**
 * A candidate's connection address as bytes: IPv4 (4), IPv6 (16), or an mDNS name
 * `<uuid>.local` (the UUID's 16 bytes) as browsers use to hide host addresses.
 */
export interface Address {
  readonly kind: 'ipv4' | 'ipv6' | 'mdns';
  readonly bytes: Uint8Array;
}

/** Browsers register random (version 4) UUIDs, written in lower case. */
const MDNS_NAME = /^([0-9a-f]{8})-([0-9a-f]{4})-(4[0-9a-f]{3})-([89ab][0-9a-f]{3})-([0-9a-f]{12})\.local$/;

export function parseAddress(text: string): Address | undefined {
  const mdns = MDNS_NAME.exec(text);
  if (mdns) return { kind: 'mdns', bytes: hexBytes(mdns.slice(1).join('')) };
  const ipv4 = parseIpv4(text);
  if (ipv4) return { kind: 'ipv4', bytes: ipv4 };
  const ipv6 = parseIpv6(text);
  return ipv6 ? { kind: 'ipv6', bytes: ipv6 } : undefined;
}

/** Canonical text: dotted quad, RFC 5952 IPv6, or the lower-case mDNS name. */
export function formatAddress(address: Address): string {
  const { kind, bytes } = address;
  if (kind === 'ipv4') return bytes.join('.');
  if (kind === 'mdns') {
    const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}.local`;
  }
  const groups = Array.from({ length: 8 }, (_, i) => (bytes[2 * i]! << 8) | bytes[2 * i + 1]!);
  const [start, length] = longestZeroRun(groups);
  if (length < 2) return groups.map((group) => group.toString(16)).join(':');
  const head = groups.slice(0, start).map((group) => group.toString(16)).join(':');
  const tail = groups.slice(start + length).map((group) => group.toString(16)).join(':');
  return `${head}::${tail}`;
}

export function sameAddress(a: Address, b: Address): boolean {
  return a.kind === b.kind && a.bytes.length === b.bytes.length && a.bytes.every((byte, i) => byte === b.bytes[i]);
}

/** `0.0.0.0` or `::`: what browsers put in raddr when they hide the related address. */
export function unspecifiedAddress(familyOf: Address): Address {
  return familyOf.kind === 'ipv6' ? { kind: 'ipv6', bytes: new Uint8Array(16) } : { kind: 'ipv4', bytes: new Uint8Array(4) };
}

function parseIpv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255)) {
    return undefined;
  }
  return Uint8Array.from(parts, Number);
}

/** RFC 4291 §2.2 text forms, including `::` and a dotted IPv4 tail; no zone index. */
function parseIpv6(text: string): Uint8Array | undefined {
  const halves = text.split('::');
  if (halves.length > 2 || text.length === 0) return undefined;
  const head = groupsOf(halves[0]!, halves.length === 1);
  const tail = halves.length === 2 ? groupsOf(halves[1]!, true) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<number>(missing).fill(0), ...tail];
  return Uint8Array.from(groups.flatMap((group) => [group >> 8, group & 0xff]));
}

function groupsOf(text: string, mayEndInIpv4: boolean): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const last = parts[parts.length - 1]!;
  const tail: number[] = [];
  if (mayEndInIpv4 && last.includes('.')) {
    const ipv4 = parseIpv4(last);
    if (!ipv4) return undefined;
    parts.pop();
    tail.push((ipv4[0]! << 8) | ipv4[1]!, (ipv4[2]! << 8) | ipv4[3]!);
  }
  if (!parts.every((part) => /^[0-9a-fA-F]{1,4}$/.test(part))) return undefined;
  return [...parts.map((part) => parseInt(part, 16)), ...tail];
}

function longestZeroRun(groups: readonly number[]): [start: number, length: number] {
  let best: [number, number] = [0, 0];
  for (let i = 0; i < groups.length; ) {
    let end = i;
    while (end < groups.length && groups[end] === 0) end++;
    if (end - i > best[1]) best = [i, end - i];
    i = end === i ? i + 1 : end;
  }
  return best;
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
}
