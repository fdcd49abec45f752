import { iceFormOf } from '../signal/index.ts';

/** Which ICE stack wrote a description, told by the shape of its credentials (ice-credentials.ts). */
export type IceStack = 'firefox' | 'chromium' | 'other';

/** How often a decoy is added: well inside Firefox's 5 s grace period and its checks' lifetime. */
export const DECOY_INTERVAL_MS = 2000;

/**
 * Addresses that nobody answers and no router forwards: TEST-NET-1 (RFC 5737) and the IPv6
 * discard-only prefix (RFC 6666). One per family, so an answerer with IPv6 host addresses only
 * still has a pair to check. Each decoy gets its own port, so the agent never sees it twice.
 */
const DECOY_ADDRESSES = ['192.0.2.1', '100::1'] as const;
const DECOY_FIRST_PORT = 10_000;

export function iceStackOf(sdp: string): IceStack {
  const ufrag = /^a=ice-ufrag:(\S+)/m.exec(sdp)?.[1];
  const pwd = /^a=ice-pwd:(\S+)/m.exec(sdp)?.[1];
  if (ufrag === undefined || pwd === undefined) return 'other';
  try {
    const form = iceFormOf(ufrag, pwd);
    return form === 'hex' ? 'firefox' : form === 'short' ? 'chromium' : 'other';
  } catch {
    return 'other';
  }
}

/**
 * Whether this answerer's ICE agent gives up while its answer is still being carried back. An
 * answerer checks the offer's addresses at once; a Firefox offerer answers no check before it has
 * the answer (Chromium does), so every pair fails within seconds, and a Firefox answerer declares
 * ICE failed when its trickle grace period (5 s, a browser preference no page can change) ends
 * with every pair failed. Measured: Firefox ↔ Firefox fails when the answer arrives 8 s late.
 */
export function answererGivesUpEarly(offerSdp: string, answerSdp: string): boolean {
  return iceStackOf(offerSdp) === 'firefox' && iceStackOf(answerSdp) === 'firefox';
}

/** The n-th decoy: lowest priority, so it never wins over a real pair. */
export function decoyCandidate(n: number, address: string, sdpMid: string): RTCIceCandidateInit {
  const port = DECOY_FIRST_PORT + (n % 50_000);
  return { candidate: `candidate:decoy${n} 1 udp 1 ${address} ${port} typ host`, sdpMid, sdpMLineIndex: 0 };
}

/** What the keepalive needs of RTCPeerConnection. */
export interface KeepaliveTarget {
  readonly connectionState: RTCPeerConnectionState;
  readonly localDescription: { readonly sdp: string } | null;
  addIceCandidate(candidate: RTCIceCandidateInit): Promise<void>;
}

const UNSETTLED: ReadonlySet<RTCPeerConnectionState> = new Set(['new', 'connecting']);

/**
 * Keeps a Firefox answerer's ICE agent waiting for the offerer as long as the answer is valid: a
 * pair whose check is still running has not failed, so a decoy candidate added every 2 s keeps
 * one running, and the agent answers the offerer's checks whenever the answer arrives (measured:
 * used 100 s late, it connects at once). Stops by itself once the connection is up, failed or
 * closed (the session closes it when the answer's validity ends); returns a stop for tests.
 */
export function holdAnswerOpen(pc: KeepaliveTarget, intervalMs = DECOY_INTERVAL_MS): () => void {
  const sdpMid = /^a=mid:(\S+)/m.exec(pc.localDescription?.sdp ?? '')?.[1] ?? '0';
  let n = 0;
  const addDecoys = (): void => {
    if (!UNSETTLED.has(pc.connectionState)) return clearInterval(timer);
    n += 1;
    // A family with no local address of its own is refused or ignored: either way nothing is lost.
    for (const address of DECOY_ADDRESSES) pc.addIceCandidate(decoyCandidate(n, address, sdpMid)).catch(() => {});
  };
  const timer = setInterval(addDecoys, intervalMs);
  addDecoys();
  return () => clearInterval(timer);
}
