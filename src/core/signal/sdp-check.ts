import { err, ok, type Result } from '../util/result.ts';

/** Descriptions larger than this are refused before the browser sees them (decompression bombs). */
export const MAX_SDP_CHARS = 64 * 1024;

const REQUIRED_LINES: readonly RegExp[] = [
  /^v=0$/m,
  /^o=\S+ \d+ \d+ IN IP[46] \S+$/m,
  /^m=\S+ \d+ \S+/m,
  /^a=ice-ufrag:\S{4,256}$/m,
  /^a=ice-pwd:\S{22,256}$/m,
  /^a=fingerprint:\S+ [0-9A-Fa-f:]+$/m,
  /^a=setup:(actpass|active|passive)$/m,
];

/**
 * A cheap structural check so that a damaged blob that still inflates is refused with a message
 * of ours instead of an opaque browser exception.
 */
export function checkSdp(sdp: string): Result<string, 'invalid-description'> {
  if (sdp.length > MAX_SDP_CHARS || !sdp.startsWith('v=0')) return err('invalid-description');
  if (/[^\t\r\n\x20-\x7e]/.test(sdp)) return err('invalid-description');
  for (const line of REQUIRED_LINES) if (!line.test(sdp)) return err('invalid-description');
  return ok(sdp);
}

/** Candidate lines in a description; zero means nobody can reach this peer. */
export function countCandidates(sdp: string): number {
  return sdp.match(/^a=candidate:/gm)?.length ?? 0;
}

/** The ICE username fragment identifies a description cheaply (own-offer detection). */
export function iceUfrag(sdp: string): string | undefined {
  return /^a=ice-ufrag:(\S+)/m.exec(sdp)?.[1];
}
