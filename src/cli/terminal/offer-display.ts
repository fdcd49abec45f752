import QRCode from 'qrcode';
import { linkFor, qrSegmentsFor } from '../../core/qr/qr-link.ts';

/**
 * The QR code for a code, drawn with half blocks two rows per line, dark on an explicit light
 * background so it scans on dark and light terminal themes alike. With a page address it holds the
 * link that opens the page with the code (a phone's camera app opens it); without, the bare code,
 * which the page's Scan reads.
 */
export async function qrForTerminal(code: string, page: string | undefined): Promise<string> {
  const text = page ? linkFor(page, code) : code;
  return QRCode.toString(qrSegmentsFor(text), { type: 'terminal', small: true, margin: 2, errorCorrectionLevel: 'M' });
}
