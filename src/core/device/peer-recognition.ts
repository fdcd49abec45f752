import { TypedEventTarget } from '../events/typed-event-target.ts';
import type { FeatureLink, SessionFeature } from '../session/feature.ts';
import type { DeviceIdentity, DeviceRecognition } from './device-identity.ts';
import { dtlsFingerprint } from './dtls-fingerprint.ts';

/**
 * Once the link is up: whether the other device has connected to this one before, told by the
 * certificate fingerprint in its description, and remembered for next time. A feature without
 * messages: it only needs to know when a link comes up and when the session starts over.
 */
export class PeerRecognition extends TypedEventTarget<{ change: Event }> implements SessionFeature {
  readonly messageTypes: readonly string[] = [];
  private recognition: DeviceRecognition | undefined;
  /** The peer this session has recognised: a link re-attached to it is the same device as before. */
  private fingerprint: string | undefined;

  constructor(private readonly identity: DeviceIdentity | undefined) {
    super();
  }

  /** Undefined until the link is up, and where the platform keeps no identity. */
  get peer(): DeviceRecognition | undefined {
    return this.recognition;
  }

  attach(link: FeatureLink): void {
    const fingerprint = dtlsFingerprint(link.pc.remoteDescription?.sdp ?? '');
    if (!this.identity || !fingerprint) return;
    // A reconnect to the device of the last link: known, whatever the first link found.
    if (fingerprint === this.fingerprint) return this.settle(fingerprint, 'known');
    this.fingerprint = fingerprint;
    this.recognition = undefined;
    this.identity.recognise(fingerprint).then(
      (recognition) => this.settle(fingerprint, recognition),
      () => this.settle(fingerprint, undefined),
    );
  }

  handle(): void {}

  /** The line stays while the ended session's chat is still readable, until New session. */
  detach(): void {}

  reset(): void {
    this.fingerprint = undefined;
    this.settle(undefined, undefined);
  }

  private settle(fingerprint: string | undefined, recognition: DeviceRecognition | undefined): void {
    // The answer for a session that has since been reset comes too late to show.
    if (fingerprint !== this.fingerprint) return;
    this.recognition = recognition;
    this.notify('change');
  }
}
