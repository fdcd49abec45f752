import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An RTCCertificate libdatachannel can use: its native config takes a certificate and a key as PEM files. */
export interface PemCertificate extends RTCCertificate {
  readonly certificatePemFile: string;
  readonly keyPemFile: string;
}

/**
 * libdatachannel's polyfill makes no RTCCertificate (it throws) and gives every connection a new
 * certificate, so a Node peer that should look the same each time gets one made by openssl: ECDSA
 * P-256, self-signed, like a browser's.
 */
export function pemCertificate(days = 365): PemCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'p2p-cert-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const certificatePemFile = join(dir, 'cert.pem');
  const keyPemFile = join(dir, 'key.pem');
  const curve = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];
  execFileSync('openssl', ['req', '-x509', ...curve, '-nodes', '-keyout', keyPemFile, '-out', certificatePemFile, '-days', String(days), '-subj', '/CN=p2p'], { stdio: 'ignore' });
  const x509 = new X509Certificate(readFileSync(certificatePemFile));
  const fingerprint = { algorithm: 'sha-256', value: x509.fingerprint256.toLowerCase() };
  return { certificatePemFile, keyPemFile, expires: Date.parse(x509.validTo), getFingerprints: () => [fingerprint] };
}

/** A connection config for libdatachannel: the PEM files of a certificate made here, instead of the certificate. */
export function withPemFiles({ certificates, ...config }: RTCConfiguration): RTCConfiguration {
  const certificate = certificates?.[0] as Partial<PemCertificate> | undefined;
  if (!certificate?.certificatePemFile) return config;
  return { ...config, certificatePemFile: certificate.certificatePemFile, keyPemFile: certificate.keyPemFile } as RTCConfiguration;
}
