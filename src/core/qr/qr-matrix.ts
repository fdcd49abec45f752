import { create, type QRCodeErrorCorrectionLevel, type QRCodeSegment } from 'qrcode';
import { err, ok, type Result } from '../util/result.ts';

/** A QR symbol as plain data, so that any renderer (canvas, SVG, a test's pixel buffer) can draw it. */
export interface QrMatrix {
  /** Modules per side, without the quiet zone: 17 + 4 × version. */
  readonly size: number;
  readonly version: number;
  /** Row-major, size × size; 1 is a dark module. */
  readonly modules: Uint8Array;
}

/**
 * Builds the symbol with the smallest version that holds the input at `level`.
 * `qrcode` throws when the data exceeds version 40; that is reported as 'too-long' so the UI can
 * fall back to text instead of crashing.
 */
export function qrMatrixFor(
  input: string | QRCodeSegment[],
  level: QRCodeErrorCorrectionLevel = 'M',
): Result<QrMatrix, 'too-long'> {
  try {
    const code = create(input, { errorCorrectionLevel: level });
    return ok({ size: code.modules.size, version: code.version, modules: code.modules.data });
  } catch {
    return err('too-long');
  }
}
