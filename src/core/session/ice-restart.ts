import type { FeatureLink, SessionFeature } from './feature.ts';

/** Tells when the device's network may have changed: a new interface, back online. */
export interface NetworkChanges {
  /** Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** ICE that stays disconnected this long is restarted rather than left to recover on its own. */
export const RESTART_AFTER_MS = 2000;
/** Several network events in a row (a Wi-Fi handover fires a few) cause one restart. */
const NETWORK_SETTLE_MS = 1000;

type RestartablePeer = Pick<RTCPeerConnection, 'connectionState' | 'restartIce' | 'addEventListener' | 'removeEventListener'>;

/**
 * In-band ICE restart: when the path degrades but the control channel may still carry a
 * renegotiation, ask for fresh candidates (pc.restartIce()); the call feature's perfect
 * negotiation then exchanges the new description over the channel, while the old path keeps
 * working until the new one is chosen (make-before-break). A disconnection is restarted by the
 * impolite side only, so the two do not both offer; a network change on this device is restarted here.
 */
export class IceRestartFeature implements SessionFeature {
  readonly messageTypes: readonly string[] = [];
  private detachLink: (() => void) | undefined;

  constructor(private readonly network?: NetworkChanges) {}

  attach(link: FeatureLink): void {
    const pc = link.pc as RestartablePeer;
    let stalled: ReturnType<typeof setTimeout> | undefined;
    let settling: ReturnType<typeof setTimeout> | undefined;
    const restart = (): void => {
      if (pc.connectionState !== 'closed') pc.restartIce();
    };
    const handleState = (): void => {
      clearTimeout(stalled);
      if (pc.connectionState === 'disconnected' && !link.polite) stalled = setTimeout(restart, RESTART_AFTER_MS);
    };
    const unsubscribe = this.network?.subscribe(() => {
      clearTimeout(settling);
      settling = setTimeout(restart, NETWORK_SETTLE_MS);
    });
    pc.addEventListener('connectionstatechange', handleState);
    this.detachLink = () => {
      clearTimeout(stalled);
      clearTimeout(settling);
      unsubscribe?.();
      pc.removeEventListener('connectionstatechange', handleState);
    };
  }

  handle(): void {}

  detach(): void {
    this.detachLink?.();
    this.detachLink = undefined;
  }

  reset(): void {}
}
