import { msg, str } from '@lit/localize';
import { openAsBlob } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FileSource } from '../../core/transfer/file-sink.ts';
import { offerRefusal, type OfferRefusal } from '../../core/transfer/transfer-limits.ts';
import { err, ok, type Result } from '../../core/util/result.ts';

/**
 * The files named on the command line as the sender's FileSources: Blobs backed by the files
 * themselves, read a slice at a time while sending (a 256 MiB file adds a few MiB of memory).
 * Every name is checked before anything is offered, so a typo never sends half a batch.
 */
export async function openFileSources(paths: readonly string[]): Promise<Result<FileSource[], string>> {
  const sources: FileSource[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) return err(msg(str`No such file: ${path}`));
    if (!info.isFile()) return err(msg(str`Not a regular file: ${path} (send the files in a folder one by one, or archive it first).`));
    if (!(await access(path, constants.R_OK).then(() => true, () => false))) return err(msg(str`Cannot read ${path}: permission denied.`));
    const source = new File([await openAsBlob(path)], basename(path));
    const refusal = offerRefusal(source);
    if (refusal) return err(refusalText(path, refusal));
    sources.push(source);
  }
  return ok(sources);
}

/** File.type is empty for a file opened from disk, so in practice only the name can be refused. */
function refusalText(path: string, refusal: OfferRefusal): string {
  if (refusal === 'empty-name') return msg(str`Cannot send ${path}: it has no name.`);
  if (refusal === 'name-too-long') return msg(str`Cannot send ${path}: its name is too long.`);
  return msg(str`Cannot send ${path}: its type is too long.`);
}
