import { formatAddress } from './candidate-address.ts';
import type { CandidateType, DataCandidate } from './data-description.ts';

/**
 * Type preferences of RFC 8445 §5.1.2.2 for UDP; TCP below UDP host (RFC 6544 §4.2, and what
 * Chromium does), relayed last. Only the order matters: see rebuiltPriorities.
 */
const TYPE_PREFERENCE: Readonly<Record<'udp' | 'tcp', Readonly<Record<CandidateType, number>>>> = {
  udp: { host: 126, prflx: 110, srflx: 100, relay: 0 },
  tcp: { host: 90, prflx: 80, srflx: 70, relay: 0 },
};

/**
 * Priorities the blob does not carry (4 bytes each), recomputed with RFC 8445's formula
 *   priority = 2²⁴·type preference + 2⁸·local preference + (256 − component)
 * where the local preference is 65535 minus the number of earlier candidates (in blob order, which
 * is the original priority order) of the same type and protocol. The remote agent pairs only
 * same-protocol candidates and orders pairs by priority, so keeping the order among same-protocol
 * candidates keeps its choices; the encoder checks that the order did survive, else falls back.
 */
export function rebuiltPriorities(candidates: readonly DataCandidate[]): number[] {
  const earlier = new Map<string, number>();
  return candidates.map(({ type, transport }) => {
    const protocol = transport === 'udp' ? 'udp' : 'tcp';
    const key = `${type} ${protocol}`;
    const count = earlier.get(key) ?? 0;
    earlier.set(key, count + 1);
    return TYPE_PREFERENCE[protocol][type] * 2 ** 24 + (65535 - count) * 2 ** 8 + 255;
  });
}

/**
 * Foundations group candidates for ICE's frozen algorithm (RFC 8445 §6.1.2.6). A distinct
 * foundation per candidate only unfreezes more pairs at the start, never fewer, so no check the
 * original would have run is withheld.
 */
export function rebuiltFoundation(index: number): string {
  return String(index + 1);
}

/** Chromium's ranking for the default candidate (webrtc_sdp.cc GetDefaultDestination). */
const DEFAULT_PREFERENCE: Readonly<Record<CandidateType, number>> = { host: 1, srflx: 2, prflx: 2, relay: 3 };

/**
 * The c= address and m= port: only peers without ICE use them, but both browsers fill them the
 * same way, so the rebuilt description does too: a UDP candidate with an IP address, IPv4 before
 * IPv6, relay before reflexive before host, then highest priority; `IN IP4 0.0.0.0` and port 9
 * (JSEP's placeholder) when there is none, e.g. with mDNS host candidates only.
 */
export function defaultDestination(candidates: readonly DataCandidate[]): { connection: string; port: number } {
  let best: DataCandidate | undefined;
  for (const candidate of candidates) {
    if (candidate.transport !== 'udp' || candidate.address.kind === 'mdns') continue;
    if (!best || isBetterDefault(candidate, best)) best = candidate;
  }
  if (!best) return { connection: 'IN IP4 0.0.0.0', port: 9 };
  const family = best.address.kind === 'ipv4' ? 'IP4' : 'IP6';
  return { connection: `IN ${family} ${formatAddress(best.address)}`, port: best.port };
}

function isBetterDefault(candidate: DataCandidate, best: DataCandidate): boolean {
  if (candidate.address.kind !== best.address.kind) return candidate.address.kind === 'ipv4';
  return DEFAULT_PREFERENCE[candidate.type] > DEFAULT_PREFERENCE[best.type];
}
