import { openAsBlob } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FileSource } from '../../core/transfer/file-sink.ts';
import { offerRefusal } from '../../core/transfer/transfer-limits.ts';
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
    if (!info) return err(`No such file: ${path}`);
    if (!info.isFile()) return err(`Not a regular file: ${path} (send the files in a folder one by one, or archive it first).`);
    if (!(await access(path, constants.R_OK).then(() => true, () => false))) return err(`Cannot read ${path}: permission denied.`);
    const source = new File([await openAsBlob(path)], basename(path));
    const refusal = offerRefusal(source);
    if (refusal) return err(`Cannot send ${path}: ${refusal}.`);
    sources.push(source);
  }
  return ok(sources);
}
