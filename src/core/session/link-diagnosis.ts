import { isTurnUrl } from '../settings/settings.ts';
import { parseCandidateLine, type CandidateLine } from '../signal/index.ts';

/**
 * Why a link did not come up, as far as the page can tell, most likely cause first:
 * - no-local-candidates / no-remote-candidates: a side offered no address at all
 * - no-relay: a TURN server is set, yet this device got no relay address from it
 * - no-srflx: a STUN server is set, yet this device learnt no public address (STUN unreachable)
 * - symmetric-nat: a side's public port differs per server asked, so the port the other side
 *   learnt is not the one it would have to use
 * - mdns-only: both sides offered only hidden `.local` names, which resolve only on one network
 * - host-only: both sides offered only local addresses, which work only on one network
 * - all-pairs-failed: checks went out on every address pair and none was answered
 */
export type DiagnosisCode =
  | 'no-local-candidates'
  | 'no-remote-candidates'
  | 'no-relay'
  | 'no-srflx'
  | 'symmetric-nat'
  | 'mdns-only'
  | 'host-only'
  | 'all-pairs-failed';

/** One candidate pair of getStats(), as far as the rules read it. */
export interface CandidatePairEvidence {
  readonly state: string;
  readonly requestsSent?: number | undefined;
  readonly responsesReceived?: number | undefined;
}

/** What the page knows when a link fails. */
export interface LinkEvidence {
  readonly localSdp?: string | undefined;
  /** Undefined when the peer's description never arrived; then no rule judges the other side. */
  readonly remoteSdp?: string | undefined;
  /** The configured STUN and TURN URLs. */
  readonly iceServerUrls: readonly string[];
  /** Undefined when the browser gave no statistics (or not in time). */
  readonly pairs?: readonly CandidatePairEvidence[] | undefined;
}

export function diagnoseLink(evidence: LinkEvidence): DiagnosisCode[] {
  const local = candidatesIn(evidence.localSdp);
  const remote = candidatesIn(evidence.remoteSdp);
  const codes: DiagnosisCode[] = [];
  // Nothing to try at all: every other rule would only restate this.
  if (local.length === 0) return ['no-local-candidates'];
  if (evidence.remoteSdp !== undefined && remote.length === 0) return ['no-remote-candidates'];

  const urls = evidence.iceServerUrls;
  const has = (candidates: readonly CandidateLine[], type: string) => candidates.some((c) => c.type === type);
  // A relay gets through any NAT or firewall that lets the TURN server in: a TURN server that was
  // set and gave nothing (wrong URL, user name or password, or unreachable) is the first thing to fix.
  if (urls.some(isTurnUrl) && !has(local, 'relay')) codes.push('no-relay');
  // Only this side's: the browser gathers on after the code is shown, so its own description is
  // complete, while the peer's code may have gone out before its STUN answer arrived.
  if (urls.some(isStunUrl) && !has(local, 'srflx')) codes.push('no-srflx');
  // With a relay on either side the mapping no longer matters: TURN permits by address, not port.
  if (!has(local, 'relay') && !has(remote, 'relay') && (mappingVaries(local) || mappingVaries(remote))) {
    codes.push('symmetric-nat');
  }
  const all = [...local, ...remote];
  if (all.every((c) => c.type === 'host')) codes.push(all.every(isMdnsName) ? 'mdns-only' : 'host-only');
  // Evidence rather than inference, so it stands beside the causes above (which it may follow from).
  if (allPairsUnanswered(evidence.pairs)) codes.push('all-pairs-failed');
  return codes;
}

function candidatesIn(sdp: string | undefined): CandidateLine[] {
  const lines = sdp?.match(/^a=candidate:.*$/gm) ?? [];
  return lines.flatMap((line) => parseCandidateLine(line.slice('a=candidate:'.length).trim()) ?? []);
}

function isStunUrl(url: string): boolean {
  return /^stuns?:/.test(url.trim());
}

/** Chromium hides local addresses behind random mDNS names until the page may use the camera. */
function isMdnsName(candidate: CandidateLine): boolean {
  return candidate.address.toLowerCase().endsWith('.local');
}

/**
 * A NAT that maps one local socket to a different public port for every destination (symmetric,
 * or endpoint-dependent): each STUN server then reports another port for the same base, and the
 * peer, which is none of those servers, would be answered from yet another one.
 */
function mappingVaries(candidates: readonly CandidateLine[]): boolean {
  const mappedByBase = new Map<string, Set<string>>();
  for (const c of candidates.filter((candidate) => candidate.type === 'srflx')) {
    const key = `${c.protocol} ${c.component} ${baseOf(c)}`;
    const mapped = mappedByBase.get(key) ?? new Set<string>();
    mappedByBase.set(key, mapped.add(`${c.address} ${c.port}`));
  }
  return [...mappedByBase.values()].some((mapped) => mapped.size > 1);
}

/**
 * The local socket a server-reflexive address stands for. Chromium hides it (raddr 0.0.0.0 rport
 * 0) while it uses mDNS names: then the public address and network stand in for it, which two
 * interfaces behind one NAT could share, a risk taken for the common one-interface phone.
 */
function baseOf(c: CandidateLine): string {
  const hidden = c.relatedAddress === undefined || /^(0\.0\.0\.0|::)$/.test(c.relatedAddress) || c.relatedPort === 0;
  return hidden ? `via ${c.address} ${c.extensions.get('network-id') ?? ''}` : `${c.relatedAddress} ${c.relatedPort}`;
}

/** Checks went out and not one came back: something between the devices drops their packets. */
function allPairsUnanswered(pairs: readonly CandidatePairEvidence[] | undefined): boolean {
  if (!pairs || pairs.length === 0) return false;
  const answered = pairs.some((pair) => pair.state === 'succeeded' || (pair.responsesReceived ?? 0) > 0);
  const tried = pairs.some((pair) => pair.state === 'failed' || (pair.requestsSent ?? 0) > 0);
  return tried && !answered;
}
