const DAY_MS = 24 * 60 * 60 * 1000;

/** A certificate is replaced this long before it expires, so a page left open never holds an expired one. */
export const RENEW_BEFORE_MS = 30 * DAY_MS;

/** What this device asks for: browsers cap a certificate's life (Chromium at a year) and default to 30 days. */
export const CERTIFICATE_LIFETIME_MS = 365 * DAY_MS;

/** Whether to make a new certificate now: it expires within the margin, or already has. */
export function needsRenewal(expires: number, now: number, marginMs = RENEW_BEFORE_MS): boolean {
  return expires - now < marginMs;
}

/**
 * Whether a certificate may still go into a new connection: a browser refuses an expired one (the
 * constructor throws), and a minute's slack covers the time until it is used.
 */
export function isUsable(expires: number, now: number): boolean {
  return expires - now > 60_000;
}
