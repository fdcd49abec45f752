/**
 * Deflate spends about 16 bits on each byte of a certificate fingerprint written as `5D:F4:…`
 * (three literals of a dozen kinds each), twice what the 32 bytes need: a third of a fallback
 * blob's excess over its random content. So the fallback form takes the SHA-256 fingerprint out of
 * the text and carries it as bytes (docs/blob-format.md §5).
 */
const LINE_PREFIX = 'a=fingerprint:sha-256';
const CANONICAL_VALUE = /^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/;

/**
 * The SDP with every `a=fingerprint:sha-256 <value>` line cut to `a=fingerprint:sha-256`, and the
 * value as bytes; undefined unless restoreFingerprint gives back exactly `sdp` (the lines carry one
 * upper-case value, and no line was bare already).
 */
export function moveFingerprint(sdp: string): { sdp: string; fingerprint: Uint8Array } | undefined {
  const values = new Set(
    lines(sdp).flatMap(({ text }) => (text.startsWith(`${LINE_PREFIX} `) ? [text.slice(LINE_PREFIX.length + 1)] : [])),
  );
  const [value, ...others] = values;
  if (value === undefined || others.length > 0 || !CANONICAL_VALUE.test(value)) return undefined;
  const moved = lines(sdp)
    .map(({ text, end }) => (text === `${LINE_PREFIX} ${value}` ? LINE_PREFIX : text) + end)
    .join('');
  const fingerprint = Uint8Array.from(value.split(':'), (hex) => parseInt(hex, 16));
  return restoreFingerprint(moved, fingerprint) === sdp ? { sdp: moved, fingerprint } : undefined;
}

/** Appends the fingerprint to every bare `a=fingerprint:sha-256` line; undefined if there is none. */
export function restoreFingerprint(sdp: string, fingerprint: Uint8Array): string | undefined {
  const value = [...fingerprint].map((byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(':');
  let restored = 0;
  const text = lines(sdp)
    .map(({ text, end }) => {
      if (text !== LINE_PREFIX) return text + end;
      restored++;
      return `${LINE_PREFIX} ${value}${end}`;
    })
    .join('');
  return restored > 0 ? text : undefined;
}

/** Lines split after LF, with a CR before the LF counted as part of the line end. */
function lines(sdp: string): { text: string; end: string }[] {
  return (sdp.match(/[^\n]*\n|[^\n]+$/g) ?? []).map((line) => {
    const end = /\r?\n$/.exec(line)?.[0] ?? '';
    return { text: line.slice(0, line.length - end.length), end };
  });
}
