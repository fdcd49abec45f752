import type { Address } from './candidate-address.ts';
import type { SignalKind } from '../signal-codec.ts';

export const CANDIDATE_TYPES = ['host', 'srflx', 'prflx', 'relay'] as const;
export type CandidateType = (typeof CANDIDATE_TYPES)[number];

/** RFC 6544 tcptype for TCP candidates. */
export const CANDIDATE_TRANSPORTS = ['udp', 'tcp-active', 'tcp-passive', 'tcp-so'] as const;
export type CandidateTransport = (typeof CANDIDATE_TRANSPORTS)[number];

/**
 * The a=ice-options values the compact form carries: the browsers' `trickle`, and libdatachannel's
 * `ice2` (RFC 8445) beside it, comma-separated up to 0.24 and space-separated since. The value is
 * kept verbatim, because a browser splits it at spaces and libdatachannel 0.24 at commas.
 */
export const ICE_OPTIONS = ['', 'trickle', 'ice2,trickle', 'ice2 trickle'] as const;
export type IceOptions = (typeof ICE_OPTIONS)[number];

export interface Endpoint {
  readonly address: Address;
  readonly port: number;
}

export interface DataCandidate extends Endpoint {
  readonly type: CandidateType;
  readonly transport: CandidateTransport;
  /** raddr/rport: present on every non-host candidate, absent on host candidates. */
  readonly related?: Endpoint | undefined;
}

/**
 * Everything in a data-channel-only description that the other browser cannot guess: the
 * compact blob carries exactly this, and data-sdp-template.ts rebuilds the SDP from it.
 */
export interface DataDescription {
  readonly kind: SignalKind;
  /** Offers are always actpass (RFC 8842 §5.2); answers choose active or passive. */
  readonly setup: 'actpass' | 'active' | 'passive';
  readonly iceUfrag: string;
  readonly icePwd: string;
  /** SHA-256 of the DTLS certificate, 32 bytes. */
  readonly fingerprint: Uint8Array;
  /** Highest priority first; the template derives priorities from this order. */
  readonly candidates: readonly DataCandidate[];
  readonly endOfCandidates: boolean;
  /** The value of a=ice-options as the stack spells it, or '' when absent. */
  readonly iceOptions: IceOptions;
  /** a=max-message-size, or undefined when absent (which means 64 KiB, RFC 8841 §6). */
  readonly maxMessageSize: number | undefined;
}

/** TCP active candidates never accept connections, so they carry the discard port (RFC 6544 §4.5). */
export const TCP_ACTIVE_PORT = 9;
/** The SCTP port the browsers and libdatachannel use; anything else goes to the fallback form. */
export const SCTP_PORT = 5000;
/** At most 15 candidates in the compact form (a decoder refuses a 16th); more go to the fallback form. */
export const MAX_CANDIDATES = 15;
