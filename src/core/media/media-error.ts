/** Why the browser would not give camera, microphone or screen; the UI words it for its purpose. */
export type MediaErrorCode = 'insecure' | 'denied' | 'no-device' | 'busy' | 'unknown';

/** Browsers report media failures as DOMException names; this is the one place that reads them. */
export function mediaErrorCode(error: unknown): MediaErrorCode {
  if (error instanceof InsecureContextError) return 'insecure';
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no-device';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'unknown';
}

/** The browser's devices may be missing altogether: mediaDevices is absent on insecure origins. */
export class InsecureContextError extends Error {
  override readonly name = 'InsecureContextError';
}
