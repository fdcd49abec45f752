import { formatAddress } from './candidate-address.ts';
import { formatCandidateLine } from './candidate-line.ts';
import { defaultDestination, rebuiltFoundation, rebuiltPriorities } from './candidate-priority.ts';
import { SCTP_PORT, type DataCandidate, type DataDescription } from './data-description.ts';

/**
 * Rebuilds a data-channel-only SDP that Chromium, Firefox and libdatachannel accept
 * (docs/blob-format.md shows the template literally). Lines that only concern RTP
 * (extmap-allow-mixed, msid-semantic) or are direction defaults (a=sendrecv) are left out; the o=
 * line is made up, since a remote description's origin is only compared with later descriptions
 * of the same session.
 */
export function buildDataSdp(description: DataDescription): string {
  const { candidates, fingerprint } = description;
  const destination = defaultDestination(candidates);
  const priorities = rebuiltPriorities(candidates);
  const lines = [
    'v=0',
    `o=- ${sessionId(fingerprint)} 0 IN IP4 127.0.0.1`,
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    `m=application ${destination.port} UDP/DTLS/SCTP webrtc-datachannel`,
    `c=${destination.connection}`,
    ...candidates.map((candidate, i) => `a=candidate:${candidateValue(candidate, i, priorities[i]!)}`),
    ...(description.endOfCandidates ? ['a=end-of-candidates'] : []),
    `a=ice-ufrag:${description.iceUfrag}`,
    `a=ice-pwd:${description.icePwd}`,
    ...(description.iceOptions === '' ? [] : [`a=ice-options:${description.iceOptions}`]),
    `a=fingerprint:sha-256 ${[...fingerprint].map((byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(':')}`,
    `a=setup:${description.setup}`,
    'a=mid:0',
    `a=sctp-port:${SCTP_PORT}`,
    ...(description.maxMessageSize === undefined ? [] : [`a=max-message-size:${description.maxMessageSize}`]),
  ];
  return lines.map((line) => `${line}\r\n`).join('');
}

function candidateValue(candidate: DataCandidate, index: number, priority: number): string {
  const { related } = candidate;
  return formatCandidateLine({
    foundation: rebuiltFoundation(index),
    component: 1,
    protocol: candidate.transport === 'udp' ? 'udp' : 'tcp',
    priority,
    address: formatAddress(candidate.address),
    port: candidate.port,
    type: candidate.type,
    relatedAddress: related && formatAddress(related.address),
    relatedPort: related?.port,
    tcpType: candidate.transport === 'udp' ? undefined : candidate.transport.slice('tcp-'.length),
    extensions: new Map(),
  });
}

/**
 * A stable made-up session id: the first 6 bytes of the certificate fingerprint, so that every
 * description of one peer connection (one certificate) gets the same id. 48 bits stay exact in
 * a JS number and below Firefox's 63-bit limit.
 */
function sessionId(fingerprint: Uint8Array): number {
  return fingerprint.slice(0, 6).reduce((id, byte) => id * 256 + byte, 0);
}

