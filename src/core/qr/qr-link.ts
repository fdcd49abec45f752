import type { QRCodeSegment } from 'qrcode';

/**
 * The characters of QR alphanumeric mode (ISO/IEC 18004 §7.4.4). It packs 2 characters into
 * 11 bits (5.5 bits each) instead of 8: a third smaller than byte mode, but it has no lower case.
 */
const QR_ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/**
 * A link that opens this page with the blob in its fragment. The fragment never reaches the
 * server (static hosts log paths, not fragments), and extractBlobText() already reads it back.
 * Sub-path and query are kept as they are; only an existing fragment is replaced.
 */
export function linkFor(pageUrl: string, blob: string): string {
  const hash = pageUrl.indexOf('#');
  return `${hash >= 0 ? pageUrl.slice(0, hash) : pageUrl}#${blob}`;
}

export function isQrAlphanumeric(text: string): boolean {
  return QR_ALPHANUMERIC.test(text);
}

/**
 * Segments for `qrcode`: the page URL up to and including '#' in byte mode (a path is usually
 * lower case, which alphanumeric mode cannot hold), the blob in alphanumeric mode when it fits
 * that alphabet, else byte mode. A segment costs a 4-bit mode plus a 9–16-bit length, so splitting
 * the prefix further (an upper-cased origin in alphanumeric mode) saves only a few bytes; see
 * docs/qr.md for the measurement.
 */
export function qrSegmentsFor(link: string): QRCodeSegment[] {
  const hash = link.lastIndexOf('#');
  const prefix = link.slice(0, hash + 1);
  const blob = link.slice(hash + 1);
  const segments: QRCodeSegment[] = [];
  if (prefix.length > 0) segments.push({ mode: 'byte', data: new TextEncoder().encode(prefix) });
  if (blob.length > 0) {
    segments.push(
      isQrAlphanumeric(blob) ? { mode: 'alphanumeric', data: blob } : { mode: 'byte', data: new TextEncoder().encode(blob) },
    );
  }
  return segments;
}
