/** One ICE server as the settings hold it (a single URL; TURN with its user name and password). */
export interface IceServerEntry {
  readonly urls: string;
  readonly username?: string;
  readonly credential?: string;
}

export function isTurnUrl(url: string): boolean {
  return /^turns?:/.test(url.trim());
}

/** Whether a relay candidate can be expected at all. */
export function hasTurnServer(settings: { readonly iceServers: readonly IceServerEntry[] }): boolean {
  return settings.iceServers.some((entry) => isTurnUrl(entry.urls));
}
