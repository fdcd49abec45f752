/**
 * After this long a waiting code's outside addresses may be gone. A code names, besides the
 * device's own addresses, the public one its router lent it for the STUN request (server-
 * reflexive); routers forget an unused UDP mapping after about 30 s to 2 min, and nothing uses it
 * while a code travels by hand. Addresses on the same network do not age, so this only warns.
 */
export const STALE_AFTER_MS = 2 * 60_000;

export interface CodeAge {
  /** Whole seconds the code has waited, never negative. */
  readonly waitedSeconds: number;
  readonly stale: boolean;
}

export function codeAge(startedAt: number, now: number): CodeAge {
  const waitedMs = Math.max(0, now - startedAt);
  return { waitedSeconds: Math.floor(waitedMs / 1000), stale: waitedMs >= STALE_AFTER_MS };
}
