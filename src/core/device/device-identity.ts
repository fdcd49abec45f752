import { isUsable, needsRenewal } from './certificate-renewal.ts';
import type { DeviceIdentityStore } from './identity-store.ts';

/** Whether the device at the other end of a link has connected to this one before. */
export type DeviceRecognition = 'known' | 'new';

/**
 * This device's lasting DTLS certificate, so that it shows the same fingerprint on every
 * connection and in later sessions, and the devices it has met. The certificate is loaded (or made)
 * at start-up; a connection made before that is done gets the browser's own certificate, so the
 * first offer never waits for storage.
 */
export class DeviceIdentity {
  private certificate: RTCCertificate | undefined;
  /** Start-up, renewals and forget() run one after another, so none saves over another's result. */
  private work: Promise<void> = Promise.resolve();
  /** A renewal is queued or running: connections made meanwhile must not queue another. */
  private renewing = false;

  constructor(
    private readonly store: DeviceIdentityStore,
    private readonly now: () => number = Date.now,
  ) {
    void this.queue(() => this.loadOrRenew());
  }

  /** Settles once the work started so far (start-up, a renewal, forget) is done. */
  get ready(): Promise<void> {
    return this.work;
  }

  /** The config with this device's certificate added, once there is a usable one. */
  withCertificate(config: RTCConfiguration): RTCConfiguration {
    const certificate = this.certificate;
    if (!certificate) return config;
    const now = this.now();
    if (needsRenewal(certificate.expires, now) && !this.renewing) {
      this.renewing = true;
      void this.queue(() => this.loadOrRenew()).finally(() => (this.renewing = false));
    }
    return isUsable(certificate.expires, now) ? { ...config, certificates: [certificate] } : config;
  }

  /** Whether this device has met the one with this fingerprint before; from now on it has. */
  async recognise(fingerprint: string): Promise<DeviceRecognition> {
    const known = await this.store.isKnownDevice(fingerprint);
    if (!known) await this.store.addKnownDevice(fingerprint);
    return known ? 'known' : 'new';
  }

  /** Whether the people compared this device's code on an earlier link and found it the same. */
  isVerified(fingerprint: string): Promise<boolean> {
    return this.store.isVerifiedDevice(fingerprint);
  }

  rememberVerified(fingerprint: string): Promise<void> {
    return this.store.addVerifiedDevice(fingerprint);
  }

  /**
   * Forgets the certificate and every known device; the next connection shows a new fingerprint.
   * False when the store could not be cleared (what it holds is then unchanged).
   */
  async forget(): Promise<boolean> {
    let cleared = false;
    await this.queue(async () => {
      await this.store.clear();
      cleared = true;
      this.certificate = undefined;
      await this.loadOrRenew();
    });
    return cleared;
  }

  /** The stored certificate (another tab may have renewed it), else a new one, saved. */
  private async loadOrRenew(): Promise<void> {
    const stored = (await this.store.loadCertificate()) ?? this.certificate;
    if (stored && !needsRenewal(stored.expires, this.now())) {
      this.certificate = stored;
      return;
    }
    const fresh = await this.store.generateCertificate();
    // In use at once, even if saving fails: this page's reconnects still show one fingerprint.
    this.certificate = fresh ?? stored;
    if (fresh) await this.store.saveCertificate(fresh);
  }

  private queue(step: () => Promise<void>): Promise<void> {
    // A storage failure leaves the browser's own certificate in use: the link still works, unremembered.
    this.work = this.work.then(step).catch(() => undefined);
    return this.work;
  }
}
