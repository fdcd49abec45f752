/**
 * Where a device keeps what makes it recognisable from one session to the next: its DTLS
 * certificate (the other device sees its fingerprint) and the fingerprints of the devices it has
 * connected to (and which of them the people verified). IndexedDB in a browser; memory in Node and the tests.
 */
export interface DeviceIdentityStore {
  loadCertificate(): Promise<RTCCertificate | undefined>;
  saveCertificate(certificate: RTCCertificate): Promise<void>;
  /** A new ECDSA P-256 certificate, as long-lived as the platform allows; undefined where it makes none. */
  generateCertificate(): Promise<RTCCertificate | undefined>;
  isKnownDevice(fingerprint: string): Promise<boolean>;
  addKnownDevice(fingerprint: string): Promise<void>;
  /** Whether the people once compared this device's verification code and found it the same. */
  isVerifiedDevice(fingerprint: string): Promise<boolean>;
  addVerifiedDevice(fingerprint: string): Promise<void>;
  /** Drops the certificate and every known device. */
  clear(): Promise<void>;
}
