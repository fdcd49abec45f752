/**
 * A received file's name comes from the peer. Shown or used as sent, a right-to-left override
 * makes `invoice\u202Efdp.exe` read "invoiceexe.pdf", control characters and line separators break
 * the line, and slashes look like folders. cleanFileName() removes every control and format
 * character (bidi embeddings, overrides, isolates and marks, zero-width spaces, BOM), except the
 * zero-width joiner that emoji sequences need and that cannot reorder anything; turns path
 * separators into "_"; collapses runs of white space; and trims. What is left reads in the order
 * it is stored, so the extension shown is the real one. Idempotent.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const SEPARATORS = /[/\\]/g;
const WHITE_SPACE = /\s+/gu;
const ZERO_WIDTH_JOINER = '\u200D';

export function cleanFileName(name: string): string {
  const cleaned = name
    .replace(INVISIBLE, (char) => (char === ZERO_WIDTH_JOINER ? char : ''))
    .replace(SEPARATORS, '_')
    .replace(WHITE_SPACE, ' ')
    .trim();
  return cleaned.length > 0 ? cleaned : 'file';
}

/** The extension after the last dot, if there is one that is not the first character. */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

/**
 * The cleaned name, shortened in the middle to at most maxChars (counted in code points) so that
 * a long name cannot push its extension out of sight: "a-very-long…name.exe".
 */
export function shownFileName(name: string, maxChars = 120): string {
  const cleaned = [...cleanFileName(name)];
  if (cleaned.length <= maxChars) return cleaned.join('');
  const extension = [...fileExtension(cleaned.join(''))].slice(-Math.floor(maxChars / 2));
  const head = cleaned.slice(0, maxChars - extension.length - 1);
  return `${head.join('')}…${extension.join('')}`;
}

/** The sender's MIME type as a label: the same invisible characters removed, and kept short. */
export function shownFileType(type: string): string {
  return type.replace(INVISIBLE, '').trim().slice(0, 80);
}
