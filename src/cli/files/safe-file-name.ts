import { cleanFileName, fileExtension } from '../../core/transfer/file-name.ts';

/** Most file systems (ext4, APFS, NTFS) allow 255 bytes, or 255 UTF-16 units, per name. */
const MAX_NAME_BYTES = 255;
/** Characters Windows and many USB sticks (FAT, exFAT) refuse, beside the slashes cleanFileName already replaced. */
const NOT_PORTABLE = /[<>:"|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * A name the peer sent, made safe to create in the receiving folder: never a path (no slashes,
 * never "." or ".."), never hidden (no leading dot) nor read as a command-line option (no leading
 * dash), portable to FAT and Windows, and at most 255 bytes with its extension kept. Idempotent.
 */
export function safeFileName(peerName: string): string {
  let name = cleanFileName(peerName).replace(NOT_PORTABLE, '_').replace(/[. ]+$/u, '');
  name = name.replace(/^[.-]/u, '_');
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  return fitBytes(name || 'file', MAX_NAME_BYTES);
}

/** "report.pdf" → "report (2).pdf": the n-th name to try when the first is taken. */
export function numberedName(name: string, n: number): string {
  if (n === 0) return name;
  const extension = fileExtension(name);
  const suffix = ` (${n})${extension}`;
  return `${fitBytes(name.slice(0, name.length - extension.length), MAX_NAME_BYTES - byteLength(suffix))}${suffix}`;
}

function fitBytes(name: string, maxBytes: number): string {
  if (byteLength(name) <= maxBytes) return name;
  const extension = fileExtension(name);
  const keep = byteLength(extension) <= maxBytes / 2 ? extension : '';
  let head = [...name.slice(0, name.length - keep.length)];
  while (head.length > 0 && byteLength(head.join('')) + byteLength(keep) > maxBytes) head = head.slice(0, -1);
  return head.join('') + keep;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
