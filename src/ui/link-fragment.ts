/**
 * A link `…/#<blob>` (from a QR scanned by the phone's own camera app) carries the other device's
 * code. The fragment never reaches any server; it is taken out of the address bar at once so that
 * a reload or a shared screenshot does not reuse it.
 */
export function takeLinkFragment(): string | undefined {
  const fragment = location.hash.slice(1);
  if (!fragment) return undefined;
  history.replaceState(null, '', location.pathname + location.search);
  return fragment;
}
