import { errorDetail } from '../util/error-detail.ts';
import { err, ok, type Result } from '../util/result.ts';
import { PeerLink, type PeerLinkListener } from './peer-link.ts';

/**
 * The browser refused to make a connection at all: `new RTCPeerConnection` throws on a
 * configuration it rejects (an ICE server URL or credential), and nothing can start until the
 * settings change. The session is as it was; the page says so instead of doing nothing.
 */
export interface StartProblem {
  readonly kind: 'cannot-start';
  readonly detail: string;
}

/**
 * A new link on a connection from the factory, or why there is none. The listener is made for the
 * link itself, so that it can tell whether that link is still the session's current one.
 */
export function openLink(
  createPeerConnection: (config: RTCConfiguration) => RTCPeerConnection,
  config: RTCConfiguration,
  listenerFor: (link: () => PeerLink) => PeerLinkListener,
): Result<PeerLink, StartProblem> {
  let pc: RTCPeerConnection | undefined;
  try {
    pc = createPeerConnection(config);
    const link: PeerLink = new PeerLink(pc, listenerFor(() => link), config.iceServers);
    return ok(link);
  } catch (error) {
    pc?.close();
    return err({ kind: 'cannot-start', detail: errorDetail(error) });
  }
}
