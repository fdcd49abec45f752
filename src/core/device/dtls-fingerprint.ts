const FINGERPRINT_LINE = /^a=fingerprint:(\S+) ([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2})+)\s*$/m;

/**
 * The DTLS certificate fingerprint a description names (its first `a=fingerprint:` line), written
 * one way whatever the browser's spelling: `sha-256 AB:CD:…`. Undefined when it names none.
 */
export function dtlsFingerprint(sdp: string): string | undefined {
  const match = FINGERPRINT_LINE.exec(sdp);
  return match ? `${match[1]!.toLowerCase()} ${match[2]!.toUpperCase()}` : undefined;
}
