import { msg } from '@lit/localize';
import { linkFor, qrSegmentsFor } from '../../core/qr/qr-link.ts';
import { qrMatrixFor, type QrMatrix } from '../../core/qr/qr-matrix.ts';

/** Light modules around the symbol. The standard asks for 4; 2 is what phone cameras need on a screen. */
const QUIET_ZONE = 2;
const DARK_ON_LIGHT = '\x1b[30;47m';
const RESET = '\x1b[0m';
/** Upper and lower module of one character cell: neither, lower, upper, both dark. */
const HALF_BLOCKS = [' ', '▄', '▀', '█'];

/**
 * The QR code for a code, two module rows per line in half blocks, dark on an explicit light
 * background so it scans on dark and light terminal themes alike. With a page address it holds the
 * link that opens the page with the code (a phone's camera app opens it); without, the bare code,
 * which the page's Scan reads. The symbol is the page's own (qrMatrixFor, level M).
 */
export function qrForTerminal(code: string, page: string | undefined): string {
  const matrix = qrMatrixFor(qrSegmentsFor(page ? linkFor(page, code) : code));
  return matrix.ok ? drawHalfBlocks(matrix.value) : msg('(too long for a QR code: use the text below)');
}

export function drawHalfBlocks({ size, modules }: QrMatrix): string {
  const side = size + 2 * QUIET_ZONE;
  const dark = (row: number, column: number): boolean => {
    const [r, c] = [row - QUIET_ZONE, column - QUIET_ZONE];
    return r >= 0 && c >= 0 && r < size && c < size && modules[r * size + c] === 1;
  };
  const lines: string[] = [];
  for (let row = 0; row < side; row += 2) {
    let line = '';
    for (let column = 0; column < side; column++) {
      line += HALF_BLOCKS[(dark(row, column) ? 2 : 0) + (dark(row + 1, column) ? 1 : 0)];
    }
    lines.push(`${DARK_ON_LIGHT}${line}${RESET}`);
  }
  return lines.join('\n');
}
